import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795438338590 implements MigrationInterface {
  name = 'Schema1795438338590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `questionnaire_template` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `title` varchar(200) NOT NULL, `pages` text NOT NULL, `authorId` varchar(36) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `questionnaire_request` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `dossierId` varchar(36) NOT NULL, `templateId` varchar(36) NOT NULL, `assigneeId` varchar(36) NOT NULL, `assigneeHolderId` varchar(36) NOT NULL, `sentById` varchar(36) NOT NULL, `title` varchar(200) NOT NULL, `pages` text NOT NULL, `status` varchar(16) NOT NULL, `currentPage` int NOT NULL DEFAULT '0', `completedAt` datetime(3) NULL, `pdfDocumentId` varchar(36) NULL, INDEX `IDX_90c6f37a7e1ea73550dcc117dc` (`dossierId`), INDEX `IDX_4a96decb20bc1dc1dbb92d163f` (`assigneeHolderId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `questionnaire_answer` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `requestId` varchar(36) NOT NULL, `questionId` varchar(50) NOT NULL, `value` text NOT NULL, UNIQUE INDEX `IDX_b0eeb44be0b6f7b944afa09dd7` (`requestId`, `questionId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b0eeb44be0b6f7b944afa09dd7` ON `questionnaire_answer`");
    await queryRunner.query("DROP TABLE `questionnaire_answer`");
    await queryRunner.query("DROP INDEX `IDX_4a96decb20bc1dc1dbb92d163f` ON `questionnaire_request`");
    await queryRunner.query("DROP INDEX `IDX_90c6f37a7e1ea73550dcc117dc` ON `questionnaire_request`");
    await queryRunner.query("DROP TABLE `questionnaire_request`");
    await queryRunner.query("DROP TABLE `questionnaire_template`");
  }
}
