import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795426206034 implements MigrationInterface {
  name = 'Schema1795426206034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"user\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"email\" varchar(254) NOT NULL, \"role\" varchar(16) NOT NULL, \"accountKind\" varchar(16) NOT NULL DEFAULT ('PERSON'), \"companyName\" varchar(200), \"mainAccountId\" varchar(36), \"gender\" varchar(16) NOT NULL DEFAULT ('UNKNOWN'), \"initials\" varchar(20), \"firstName\" varchar(100), \"infix\" varchar(30), \"lastName\" varchar(100), \"language\" varchar(2) NOT NULL DEFAULT ('NL'), \"passwordHash\" text, \"phone\" varchar(20), \"totpSecret\" text, \"totpLastStep\" integer, \"secondFactorPromptedAt\" datetime(3), \"notifyNewDocuments\" boolean NOT NULL DEFAULT (1), \"notifyNewQuestionnaires\" boolean NOT NULL DEFAULT (1), \"notifyNewMessages\" boolean NOT NULL DEFAULT (1), \"absenceEnabled\" boolean NOT NULL DEFAULT (0), \"absenceMessage\" varchar(2000), \"absenceUntil\" datetime(3), \"termsAcceptedVersion\" varchar(100), \"removedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e12875dfb3b1d92d7d7c5377e2\" ON \"user\" (\"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_616f9b777c854483f5df8d69ad\" ON \"user\" (\"mainAccountId\") ");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"actorId\" varchar(36), \"action\" varchar(40) NOT NULL, \"dossierId\" varchar(36), \"subjectId\" varchar(36), \"ip\" varchar(64))");
    await queryRunner.query("CREATE INDEX \"IDX_2b778fde3afc04ec59f83e29fa\" ON \"audit_event\" (\"actorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_45452915f68f5a171bc4107b9e\" ON \"audit_event\" (\"action\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3a8087171dd4cc58c53430272f\" ON \"audit_event\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9f9082555b17609ed2a27dbdaf\" ON \"audit_event\" (\"dossierId\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"link_token\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"purpose\" varchar(16) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8bb835fb04da4709dd01788703\" ON \"link_token\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a4ad5c14339f5a44da4ee74eed\" ON \"link_token\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"recovery_code\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"userId\" varchar(36) NOT NULL, \"codeHash\" varchar(64) NOT NULL, \"usedAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_0e10289994b9a90be4cde06e15\" ON \"recovery_code\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"challenge\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"sessionId\" varchar(36) NOT NULL, \"userId\" varchar(36) NOT NULL, \"kind\" varchar(20) NOT NULL, \"secret\" text NOT NULL, \"phone\" varchar(20), \"failures\" integer NOT NULL DEFAULT (0), \"expiresAt\" datetime(3) NOT NULL, \"usedAt\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"IDX_3dbfac6522024d6883fb5855ad\" ON \"challenge\" (\"sessionId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b71689c33c7e401fb050f93594\" ON \"challenge\" (\"userId\") ");
    await queryRunner.query("CREATE TABLE \"failed_attempt\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"key\" varchar(300) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_aec611dfbd76f335c92d8bad52\" ON \"failed_attempt\" (\"key\", \"createdAt\") ");
    await queryRunner.query("CREATE TABLE \"session\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"tokenHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"step\" varchar(32) NOT NULL, \"lastSeenAt\" datetime(3) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"revokedAt\" datetime(3), \"failures\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ff3b5bfd0767bd32942e5ccaad\" ON \"session\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3d2f174ef04fb312fdebd0ddc5\" ON \"session\" (\"userId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_3d2f174ef04fb312fdebd0ddc5\"");
    await queryRunner.query("DROP INDEX \"IDX_ff3b5bfd0767bd32942e5ccaad\"");
    await queryRunner.query("DROP TABLE \"session\"");
    await queryRunner.query("DROP INDEX \"IDX_aec611dfbd76f335c92d8bad52\"");
    await queryRunner.query("DROP TABLE \"failed_attempt\"");
    await queryRunner.query("DROP INDEX \"IDX_b71689c33c7e401fb050f93594\"");
    await queryRunner.query("DROP INDEX \"IDX_3dbfac6522024d6883fb5855ad\"");
    await queryRunner.query("DROP TABLE \"challenge\"");
    await queryRunner.query("DROP INDEX \"IDX_0e10289994b9a90be4cde06e15\"");
    await queryRunner.query("DROP TABLE \"recovery_code\"");
    await queryRunner.query("DROP INDEX \"IDX_a4ad5c14339f5a44da4ee74eed\"");
    await queryRunner.query("DROP INDEX \"IDX_8bb835fb04da4709dd01788703\"");
    await queryRunner.query("DROP TABLE \"link_token\"");
    await queryRunner.query("DROP INDEX \"IDX_9f9082555b17609ed2a27dbdaf\"");
    await queryRunner.query("DROP INDEX \"IDX_3a8087171dd4cc58c53430272f\"");
    await queryRunner.query("DROP INDEX \"IDX_45452915f68f5a171bc4107b9e\"");
    await queryRunner.query("DROP INDEX \"IDX_2b778fde3afc04ec59f83e29fa\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("DROP INDEX \"IDX_616f9b777c854483f5df8d69ad\"");
    await queryRunner.query("DROP INDEX \"IDX_e12875dfb3b1d92d7d7c5377e2\"");
    await queryRunner.query("DROP TABLE \"user\"");
  }
}
