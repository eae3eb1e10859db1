import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795425559299 implements MigrationInterface {
  name = 'Schema1795425559299';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"session\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"step\" varchar(32) NOT NULL, \"lastSeenAt\" datetime(3) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"revokedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ff3b5bfd0767bd32942e5ccaad\" ON \"session\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d2f174ef04fb312fdebd0ddc5\" ON \"session\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"email\" varchar(254) NOT NULL, \"role\" varchar(16) NOT NULL, \"accountKind\" varchar(16) NOT NULL DEFAULT ('PERSON'), \"companyName\" varchar(200), \"mainAccountId\" varchar(36), \"gender\" varchar(16) NOT NULL DEFAULT ('UNKNOWN'), \"initials\" varchar(20), \"firstName\" varchar(100), \"infix\" varchar(30), \"lastName\" varchar(100), \"language\" varchar(2) NOT NULL DEFAULT ('NL'), \"passwordHash\" text, \"phone\" varchar(20), \"totpSecret\" text, \"notifyNewDocuments\" boolean NOT NULL DEFAULT (1), \"notifyNewQuestionnaires\" boolean NOT NULL DEFAULT (1), \"notifyNewMessages\" boolean NOT NULL DEFAULT (1), \"absenceEnabled\" boolean NOT NULL DEFAULT (0), \"absenceMessage\" varchar(2000), \"absenceUntil\" datetime(3), \"termsAcceptedVersion\" varchar(100), \"removedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e12875dfb3b1d92d7d7c5377e2\" ON \"user\" (\"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_616f9b777c854483f5df8d69ad\" ON \"user\" (\"mainAccountId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_616f9b777c854483f5df8d69ad\"");
    await queryRunner.query("DROP INDEX \"IDX_e12875dfb3b1d92d7d7c5377e2\"");
    await queryRunner.query("DROP TABLE \"user\"");
    await queryRunner.query("DROP INDEX \"IDX_3d2f174ef04fb312fdebd0ddc5\"");
    await queryRunner.query("DROP INDEX \"IDX_ff3b5bfd0767bd32942e5ccaad\"");
    await queryRunner.query("DROP TABLE \"session\"");
  }
}
