import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796613636002 implements MigrationInterface {
  name = 'Schema1796613636002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `dossier_tally` (`status` varchar(16) NOT NULL, `count` int NOT NULL, PRIMARY KEY (`status`)) ENGINE=InnoDB");
    // Added by hand: one row per status, counting the dossiers there are.
    await queryRunner.query("INSERT INTO `dossier_tally` (`status`, `count`) SELECT s.status, (SELECT COUNT(*) FROM `dossier` d WHERE d.status = s.status) FROM (SELECT 'IN_PROGRESS' AS status UNION ALL SELECT 'ON_HOLD' UNION ALL SELECT 'COMPLETED' UNION ALL SELECT 'CANCELLED') s");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `dossier_tally`");
  }
}
