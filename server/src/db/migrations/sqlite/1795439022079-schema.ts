import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1795439022079 implements MigrationInterface {
  name = 'Schema1795439022079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"api_token\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"name\" varchar(100) NOT NULL, \"lastUsedAt\" datetime(3), \"tokenHash\" varchar(64) NOT NULL, \"userId\" varchar(36) NOT NULL, \"revokedAt\" datetime(3))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b8d5076cd3f3572829943b3f8a\" ON \"api_token\" (\"tokenHash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\" ON \"api_token\" (\"userId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cbfc4e2b85b78207afb0b2d7fb\"");
    await queryRunner.query("DROP INDEX \"IDX_b8d5076cd3f3572829943b3f8a\"");
    await queryRunner.query("DROP TABLE \"api_token\"");
  }
}
