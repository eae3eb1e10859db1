import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795446261949 implements MigrationInterface {
  name = 'Schema1795446261949';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_item\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"channel\" varchar(8) NOT NULL, \"payload\" text, \"dedupeKey\" varchar(200), \"dueAt\" datetime(3), \"attempts\" integer NOT NULL DEFAULT (0), \"claimedUntil\" datetime(3), \"sentAt\" datetime(3), \"failedAt\" datetime(3), \"lastError\" varchar(500), CONSTRAINT \"UQ_69280564d42205e346d8a65cba0\" UNIQUE (\"dedupeKey\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1a6e85260564e4c5e48ffadefc\" ON \"outbox_item\" (\"dueAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_1a6e85260564e4c5e48ffadefc\"");
    await queryRunner.query("DROP TABLE \"outbox_item\"");
  }
}
