import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795446263261 implements MigrationInterface {
  name = 'Schema1795446263261';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outbox_item` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `channel` varchar(8) NOT NULL, `payload` text NULL, `dedupeKey` varchar(200) NULL, `dueAt` datetime(3) NULL, `attempts` int NOT NULL DEFAULT '0', `claimedUntil` datetime(3) NULL, `sentAt` datetime(3) NULL, `failedAt` datetime(3) NULL, `lastError` varchar(500) NULL, INDEX `IDX_1a6e85260564e4c5e48ffadefc` (`dueAt`), UNIQUE INDEX `IDX_69280564d42205e346d8a65cba` (`dedupeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_69280564d42205e346d8a65cba` ON `outbox_item`");
    await queryRunner.query("DROP INDEX `IDX_1a6e85260564e4c5e48ffadefc` ON `outbox_item`");
    await queryRunner.query("DROP TABLE `outbox_item`");
  }
}
