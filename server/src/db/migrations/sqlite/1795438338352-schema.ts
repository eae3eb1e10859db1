import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795438338352 implements MigrationInterface {
  name = 'Schema1795438338352';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"questionnaire_template\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"title\" varchar(200) NOT NULL, \"pages\" text NOT NULL, \"authorId\" varchar(36) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"questionnaire_request\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"dossierId\" varchar(36) NOT NULL, \"templateId\" varchar(36) NOT NULL, \"assigneeId\" varchar(36) NOT NULL, \"assigneeHolderId\" varchar(36) NOT NULL, \"sentById\" varchar(36) NOT NULL, \"title\" varchar(200) NOT NULL, \"pages\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"currentPage\" integer NOT NULL DEFAULT (0), \"completedAt\" datetime(3), \"pdfDocumentId\" varchar(36))");
    await queryRunner.query("CREATE INDEX \"IDX_90c6f37a7e1ea73550dcc117dc\" ON \"questionnaire_request\" (\"dossierId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4a96decb20bc1dc1dbb92d163f\" ON \"questionnaire_request\" (\"assigneeHolderId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"questionnaire_answer\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"requestId\" varchar(36) NOT NULL, \"questionId\" varchar(50) NOT NULL, \"value\" text NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b0eeb44be0b6f7b944afa09dd7\" ON \"questionnaire_answer\" (\"requestId\", \"questionId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b0eeb44be0b6f7b944afa09dd7\"");
    await queryRunner.query("DROP TABLE \"questionnaire_answer\"");
    await queryRunner.query("DROP INDEX \"IDX_4a96decb20bc1dc1dbb92d163f\"");
    await queryRunner.query("DROP INDEX \"IDX_90c6f37a7e1ea73550dcc117dc\"");
    await queryRunner.query("DROP TABLE \"questionnaire_request\"");
    await queryRunner.query("DROP TABLE \"questionnaire_template\"");
  }
}
