import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795426206084 implements MigrationInterface {
  name = 'Schema1795426206084';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `user` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `email` varchar(254) NOT NULL, `role` varchar(16) NOT NULL, `accountKind` varchar(16) NOT NULL DEFAULT 'PERSON', `companyName` varchar(200) NULL, `mainAccountId` varchar(36) NULL, `gender` varchar(16) NOT NULL DEFAULT 'UNKNOWN', `initials` varchar(20) NULL, `firstName` varchar(100) NULL, `infix` varchar(30) NULL, `lastName` varchar(100) NULL, `language` varchar(2) NOT NULL DEFAULT 'NL', `passwordHash` text NULL, `phone` varchar(20) NULL, `totpSecret` text NULL, `totpLastStep` int NULL, `secondFactorPromptedAt` datetime(3) NULL, `notifyNewDocuments` tinyint NOT NULL DEFAULT 1, `notifyNewQuestionnaires` tinyint NOT NULL DEFAULT 1, `notifyNewMessages` tinyint NOT NULL DEFAULT 1, `absenceEnabled` tinyint NOT NULL DEFAULT 0, `absenceMessage` varchar(2000) NULL, `absenceUntil` datetime(3) NULL, `termsAcceptedVersion` varchar(100) NULL, `removedAt` datetime(3) NULL, UNIQUE INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` (`email`), INDEX `IDX_616f9b777c854483f5df8d69ad` (`mainAccountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_event` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `actorId` varchar(36) NULL, `action` varchar(40) NOT NULL, `dossierId` varchar(36) NULL, `subjectId` varchar(36) NULL, `ip` varchar(64) NULL, INDEX `IDX_2b778fde3afc04ec59f83e29fa` (`actorId`), INDEX `IDX_45452915f68f5a171bc4107b9e` (`action`), INDEX `IDX_3a8087171dd4cc58c53430272f` (`createdAt`), INDEX `IDX_9f9082555b17609ed2a27dbdaf` (`dossierId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `link_token` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `purpose` varchar(16) NOT NULL, `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, UNIQUE INDEX `IDX_8bb835fb04da4709dd01788703` (`tokenHash`), INDEX `IDX_a4ad5c14339f5a44da4ee74eed` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `recovery_code` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `userId` varchar(36) NOT NULL, `codeHash` varchar(64) NOT NULL, `usedAt` datetime(3) NULL, INDEX `IDX_0e10289994b9a90be4cde06e15` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `challenge` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `sessionId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `kind` varchar(20) NOT NULL, `secret` text NOT NULL, `phone` varchar(20) NULL, `failures` int NOT NULL DEFAULT '0', `expiresAt` datetime(3) NOT NULL, `usedAt` datetime(3) NULL, INDEX `IDX_3dbfac6522024d6883fb5855ad` (`sessionId`), INDEX `IDX_b71689c33c7e401fb050f93594` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `failed_attempt` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `key` varchar(300) NOT NULL, INDEX `IDX_aec611dfbd76f335c92d8bad52` (`key`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `session` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `step` varchar(32) NOT NULL, `lastSeenAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, `failures` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_ff3b5bfd0767bd32942e5ccaad` (`tokenHash`), INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` ON `session`");
    await queryRunner.query("DROP INDEX `IDX_ff3b5bfd0767bd32942e5ccaad` ON `session`");
    await queryRunner.query("DROP TABLE `session`");
    await queryRunner.query("DROP INDEX `IDX_aec611dfbd76f335c92d8bad52` ON `failed_attempt`");
    await queryRunner.query("DROP TABLE `failed_attempt`");
    await queryRunner.query("DROP INDEX `IDX_b71689c33c7e401fb050f93594` ON `challenge`");
    await queryRunner.query("DROP INDEX `IDX_3dbfac6522024d6883fb5855ad` ON `challenge`");
    await queryRunner.query("DROP TABLE `challenge`");
    await queryRunner.query("DROP INDEX `IDX_0e10289994b9a90be4cde06e15` ON `recovery_code`");
    await queryRunner.query("DROP TABLE `recovery_code`");
    await queryRunner.query("DROP INDEX `IDX_a4ad5c14339f5a44da4ee74eed` ON `link_token`");
    await queryRunner.query("DROP INDEX `IDX_8bb835fb04da4709dd01788703` ON `link_token`");
    await queryRunner.query("DROP TABLE `link_token`");
    await queryRunner.query("DROP INDEX `IDX_9f9082555b17609ed2a27dbdaf` ON `audit_event`");
    await queryRunner.query("DROP INDEX `IDX_3a8087171dd4cc58c53430272f` ON `audit_event`");
    await queryRunner.query("DROP INDEX `IDX_45452915f68f5a171bc4107b9e` ON `audit_event`");
    await queryRunner.query("DROP INDEX `IDX_2b778fde3afc04ec59f83e29fa` ON `audit_event`");
    await queryRunner.query("DROP TABLE `audit_event`");
    await queryRunner.query("DROP INDEX `IDX_616f9b777c854483f5df8d69ad` ON `user`");
    await queryRunner.query("DROP INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` ON `user`");
    await queryRunner.query("DROP TABLE `user`");
  }
}
