import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795439023102 implements MigrationInterface {
  name = 'Schema1795439023102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `api_token` (`id` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `name` varchar(100) NOT NULL, `lastUsedAt` datetime(3) NULL, `tokenHash` varchar(64) NOT NULL, `userId` varchar(36) NOT NULL, `revokedAt` datetime(3) NULL, UNIQUE INDEX `IDX_b8d5076cd3f3572829943b3f8a` (`tokenHash`), INDEX `IDX_cbfc4e2b85b78207afb0b2d7fb` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cbfc4e2b85b78207afb0b2d7fb` ON `api_token`");
    await queryRunner.query("DROP INDEX `IDX_b8d5076cd3f3572829943b3f8a` ON `api_token`");
    await queryRunner.query("DROP TABLE `api_token`");
  }
}
