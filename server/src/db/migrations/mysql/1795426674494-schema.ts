import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795426674494 implements MigrationInterface {
  name = 'Schema1795426674494';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `document` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `dossierId` varchar(36) NOT NULL, `title` varchar(200) NOT NULL, `category` varchar(16) NOT NULL, `fileName` varchar(255) NOT NULL, `mimeType` varchar(127) NOT NULL, `size` bigint NOT NULL, `sha256` varchar(64) NOT NULL, `storageKey` varchar(64) NOT NULL, `authorId` varchar(36) NULL, INDEX `IDX_6a2eb13cadfc503989cbe36757` (`authorId`), INDEX `IDX_13c93d5bf03334dfe70bcdb885` (`dossierId`, `category`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `document_read` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `documentId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, INDEX `IDX_1342172c0ba5bb574918a94014` (`documentId`), UNIQUE INDEX `IDX_d25c58f8344a6ecc83f97b6314` (`userId`, `documentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dossier` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `number` varchar(50) NOT NULL, `description` varchar(500) NOT NULL, `status` varchar(16) NOT NULL, `handlerId` varchar(36) NULL, `updatedAt` datetime(3) NOT NULL, UNIQUE INDEX `IDX_65c38bcc885c5897731d4292ae` (`number`), INDEX `IDX_3168bc1b42513029ef6449ea77` (`status`), INDEX `IDX_ae523ca3e87f1a9dff45e71f5a` (`handlerId`), INDEX `IDX_59c46771ec71f01ae28250225d` (`createdAt`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dossier_access` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `dossierId` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, INDEX `IDX_c2477f6365525f0a1e558b362b` (`dossierId`), UNIQUE INDEX `IDX_ee40fe72040b66adddbe0d26bb` (`userId`, `dossierId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `progress_step` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `dossierId` varchar(36) NOT NULL, `title` varchar(200) NOT NULL, `position` int NOT NULL, `done` tinyint NOT NULL DEFAULT 0, `doneAt` datetime(3) NULL, INDEX `IDX_7ffcc53fc2f2fa3d2ee70c4e23` (`dossierId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7ffcc53fc2f2fa3d2ee70c4e23` ON `progress_step`");
    await queryRunner.query("DROP TABLE `progress_step`");
    await queryRunner.query("DROP INDEX `IDX_ee40fe72040b66adddbe0d26bb` ON `dossier_access`");
    await queryRunner.query("DROP INDEX `IDX_c2477f6365525f0a1e558b362b` ON `dossier_access`");
    await queryRunner.query("DROP TABLE `dossier_access`");
    await queryRunner.query("DROP INDEX `IDX_59c46771ec71f01ae28250225d` ON `dossier`");
    await queryRunner.query("DROP INDEX `IDX_ae523ca3e87f1a9dff45e71f5a` ON `dossier`");
    await queryRunner.query("DROP INDEX `IDX_3168bc1b42513029ef6449ea77` ON `dossier`");
    await queryRunner.query("DROP INDEX `IDX_65c38bcc885c5897731d4292ae` ON `dossier`");
    await queryRunner.query("DROP TABLE `dossier`");
    await queryRunner.query("DROP INDEX `IDX_d25c58f8344a6ecc83f97b6314` ON `document_read`");
    await queryRunner.query("DROP INDEX `IDX_1342172c0ba5bb574918a94014` ON `document_read`");
    await queryRunner.query("DROP TABLE `document_read`");
    await queryRunner.query("DROP INDEX `IDX_13c93d5bf03334dfe70bcdb885` ON `document`");
    await queryRunner.query("DROP INDEX `IDX_6a2eb13cadfc503989cbe36757` ON `document`");
    await queryRunner.query("DROP TABLE `document`");
  }
}
