import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796666645613 implements MigrationInterface {
  name = 'Schema1796666645613';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f4f49e2ed40c96f60699ebd75f\"");
    await queryRunner.query("CREATE INDEX \"IDX_7c8721540b63e471e2cdfe2e9d\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\", \"messageId\", \"authorId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_7c8721540b63e471e2cdfe2e9d\"");
    await queryRunner.query("CREATE INDEX \"IDX_f4f49e2ed40c96f60699ebd75f\" ON \"document\" (\"dossierId\", \"category\", \"createdAt\", \"messageId\") ");
  }
}
