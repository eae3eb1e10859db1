import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795425559366 implements MigrationInterface {
  name = 'Schema1795425559366';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `session` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `step` varchar(32) NOT NULL, `lastSeenAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, UNIQUE INDEX `IDX_ff3b5bfd0767bd32942e5ccaad` (`tokenHash`), INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `user` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `email` varchar(254) NOT NULL, `role` varchar(16) NOT NULL, `accountKind` varchar(16) NOT NULL DEFAULT 'PERSON', `companyName` varchar(200) NULL, `mainAccountId` varchar(36) NULL, `gender` varchar(16) NOT NULL DEFAULT 'UNKNOWN', `initials` varchar(20) NULL, `firstName` varchar(100) NULL, `infix` varchar(30) NULL, `lastName` varchar(100) NULL, `language` varchar(2) NOT NULL DEFAULT 'NL', `passwordHash` text NULL, `phone` varchar(20) NULL, `totpSecret` text NULL, `notifyNewDocuments` tinyint NOT NULL DEFAULT 1, `notifyNewQuestionnaires` tinyint NOT NULL DEFAULT 1, `notifyNewMessages` tinyint NOT NULL DEFAULT 1, `absenceEnabled` tinyint NOT NULL DEFAULT 0, `absenceMessage` varchar(2000) NULL, `absenceUntil` datetime(3) NULL, `termsAcceptedVersion` varchar(100) NULL, `removedAt` datetime(3) NULL, UNIQUE INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` (`email`), INDEX `IDX_616f9b777c854483f5df8d69ad` (`mainAccountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_616f9b777c854483f5df8d69ad` ON `user`");
    await queryRunner.query("DROP INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` ON `user`");
    await queryRunner.query("DROP TABLE `user`");
    await queryRunner.query("DROP INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` ON `session`");
    await queryRunner.query("DROP INDEX `IDX_ff3b5bfd0767bd32942e5ccaad` ON `session`");
    await queryRunner.query("DROP TABLE `session`");
  }
}
