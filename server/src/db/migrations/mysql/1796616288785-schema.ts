import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796616288785 implements MigrationInterface {
  name = 'Schema1796616288785';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6a2eb13cadfc503989cbe36757` ON `document`");
    await queryRunner.query("CREATE INDEX `IDX_f81da2320e016c7ca0fa8784b5` ON `document` (`authorId`, `category`, `messageId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_f81da2320e016c7ca0fa8784b5` ON `document`");
    await queryRunner.query("CREATE INDEX `IDX_6a2eb13cadfc503989cbe36757` ON `document` (`authorId`)");
  }
}
