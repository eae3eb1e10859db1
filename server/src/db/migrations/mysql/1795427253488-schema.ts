import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795427253488 implements MigrationInterface {
  name = 'Schema1795427253488';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `message` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `dossierId` varchar(36) NOT NULL, `threadId` varchar(36) NOT NULL, `subject` varchar(200) NOT NULL, `body` varchar(4000) NOT NULL, `authorId` varchar(36) NOT NULL, `fromOffice` tinyint NOT NULL DEFAULT 0, `replyToId` varchar(36) NULL, `automatic` tinyint NOT NULL DEFAULT 0, `idempotencyKey` varchar(100) NULL, `contentHash` varchar(64) NULL, INDEX `IDX_97e5c5b5590c682a6c487816b6` (`threadId`), UNIQUE INDEX `IDX_969ad8e3f7ce9e02680457beda` (`authorId`, `idempotencyKey`), INDEX `IDX_f51a7e946358320e5cfd427302` (`dossierId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `message_read` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `messageId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, INDEX `IDX_9799fb005881ecbe7f374fb840` (`messageId`), UNIQUE INDEX `IDX_fc2390c6b251f6f3d7da60bb1c` (`userId`, `messageId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `document` ADD `messageId` varchar(36) NULL");
    await queryRunner.query("CREATE INDEX `IDX_932fb6efa239cce299f5f06577` ON `document` (`messageId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_932fb6efa239cce299f5f06577` ON `document`");
    await queryRunner.query("ALTER TABLE `document` DROP COLUMN `messageId`");
    await queryRunner.query("DROP INDEX `IDX_fc2390c6b251f6f3d7da60bb1c` ON `message_read`");
    await queryRunner.query("DROP INDEX `IDX_9799fb005881ecbe7f374fb840` ON `message_read`");
    await queryRunner.query("DROP TABLE `message_read`");
    await queryRunner.query("DROP INDEX `IDX_f51a7e946358320e5cfd427302` ON `message`");
    await queryRunner.query("DROP INDEX `IDX_969ad8e3f7ce9e02680457beda` ON `message`");
    await queryRunner.query("DROP INDEX `IDX_97e5c5b5590c682a6c487816b6` ON `message`");
    await queryRunner.query("DROP TABLE `message`");
  }
}
