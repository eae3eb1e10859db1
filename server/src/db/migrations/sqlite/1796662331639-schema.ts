import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796662331639 implements MigrationInterface {
  name = 'Schema1796662331639';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_13c93d5bf03334dfe70bcdb885\"");
    await queryRunner.query("DROP INDEX \"IDX_f51a7e946358320e5cfd427302\"");
    await queryRunner.query("CREATE INDEX \"IDX_f4f49e2ed40c96f60699ebd75f\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\", \"messageId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_57ad469a82cb5e13a0263325a5\" ON \"message\" (\"dossierId\", \"createdAt\", \"fromOffice\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_57ad469a82cb5e13a0263325a5\"");
    await queryRunner.query("DROP INDEX \"IDX_f4f49e2ed40c96f60699ebd75f\"");
    await queryRunner.query("CREATE INDEX \"IDX_f51a7e946358320e5cfd427302\" ON \"message\" (\"dossierId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_13c93d5bf03334dfe70bcdb885\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\") ");
  }
}
