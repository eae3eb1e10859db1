import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796663869382 implements MigrationInterface {
  name = 'Schema1796663869382';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_201c28894fb4709ee4fa53d91a\" ON \"user\" (\"removedAt\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_201c28894fb4709ee4fa53d91a\"");
  }
}
