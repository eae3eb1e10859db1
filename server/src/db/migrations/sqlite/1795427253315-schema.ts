import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795427253315 implements MigrationInterface {
  name = 'Schema1795427253315';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"dossierId\" varchar(36) NOT NULL, \"threadId\" varchar(36) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" varchar(4000) NOT NULL, \"authorId\" varchar(36) NOT NULL, \"fromOffice\" boolean NOT NULL DEFAULT (0), \"replyToId\" varchar(36), \"automatic\" boolean NOT NULL DEFAULT (0), \"idempotencyKey\" varchar(100), \"contentHash\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"IDX_97e5c5b5590c682a6c487816b6\" ON \"message\" (\"threadId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_969ad8e3f7ce9e02680457beda\" ON \"message\" (\"authorId\", \"idempotencyKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f51a7e946358320e5cfd427302\" ON \"message\" (\"dossierId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"message_read\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"messageId\" varchar(36) NOT NULL, \"userId\" varchar(36) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_9799fb005881ecbe7f374fb840\" ON \"message_read\" (\"messageId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fc2390c6b251f6f3d7da60bb1c\" ON \"message_read\" (\"userId\", \"messageId\") ");
    await queryRunner.query("DROP INDEX \"IDX_13c93d5bf03334dfe70bcdb885\"");
    await queryRunner.query("DROP INDEX \"IDX_6a2eb13cadfc503989cbe36757\"");
    await queryRunner.query("CREATE TABLE \"temporary_document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"dossierId\" varchar(36) NOT NULL, \"title\" varchar(200) NOT NULL, \"category\" varchar(16) NOT NULL, \"fileName\" varchar(255) NOT NULL, \"mimeType\" varchar(127) NOT NULL, \"size\" bigint NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storageKey\" varchar(64) NOT NULL, \"authorId\" varchar(36), \"messageId\" varchar(36))");
    await queryRunner.query("INSERT INTO \"temporary_document\"(\"id\", \"createdAt\", \"dossierId\", \"title\", \"category\", \"fileName\", \"mimeType\", \"size\", \"sha256\", \"storageKey\", \"authorId\") SELECT \"id\", \"createdAt\", \"dossierId\", \"title\", \"category\", \"fileName\", \"mimeType\", \"size\", \"sha256\", \"storageKey\", \"authorId\" FROM \"document\"");
    await queryRunner.query("DROP TABLE \"document\"");
    await queryRunner.query("ALTER TABLE \"temporary_document\" RENAME TO \"document\"");
    await queryRunner.query("CREATE INDEX \"IDX_13c93d5bf03334dfe70bcdb885\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6a2eb13cadfc503989cbe36757\" ON \"document\" (\"authorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_932fb6efa239cce299f5f06577\" ON \"document\" (\"messageId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_932fb6efa239cce299f5f06577\"");
    await queryRunner.query("DROP INDEX \"IDX_6a2eb13cadfc503989cbe36757\"");
    await queryRunner.query("DROP INDEX \"IDX_13c93d5bf03334dfe70bcdb885\"");
    await queryRunner.query("ALTER TABLE \"document\" RENAME TO \"temporary_document\"");
    await queryRunner.query("CREATE TABLE \"document\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"dossierId\" varchar(36) NOT NULL, \"title\" varchar(200) NOT NULL, \"category\" varchar(16) NOT NULL, \"fileName\" varchar(255) NOT NULL, \"mimeType\" varchar(127) NOT NULL, \"size\" bigint NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storageKey\" varchar(64) NOT NULL, \"authorId\" varchar(36))");
    await queryRunner.query("INSERT INTO \"document\"(\"id\", \"createdAt\", \"dossierId\", \"title\", \"category\", \"fileName\", \"mimeType\", \"size\", \"sha256\", \"storageKey\", \"authorId\") SELECT \"id\", \"createdAt\", \"dossierId\", \"title\", \"category\", \"fileName\", \"mimeType\", \"size\", \"sha256\", \"storageKey\", \"authorId\" FROM \"temporary_document\"");
    await queryRunner.query("DROP TABLE \"temporary_document\"");
    await queryRunner.query("CREATE INDEX \"IDX_6a2eb13cadfc503989cbe36757\" ON \"document\" (\"authorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_13c93d5bf03334dfe70bcdb885\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\") ");
    await queryRunner.query("DROP INDEX \"IDX_fc2390c6b251f6f3d7da60bb1c\"");
    await queryRunner.query("DROP INDEX \"IDX_9799fb005881ecbe7f374fb840\"");
    await queryRunner.query("DROP TABLE \"message_read\"");
    await queryRunner.query("DROP INDEX \"IDX_f51a7e946358320e5cfd427302\"");
    await queryRunner.query("DROP INDEX \"IDX_969ad8e3f7ce9e02680457beda\"");
    await queryRunner.query("DROP INDEX \"IDX_97e5c5b5590c682a6c487816b6\"");
    await queryRunner.query("DROP TABLE \"message\"");
  }
}
