import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Schema1796615877731 implements MigrationInterface {
  name = 'Schema1796615877731';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"tally\" (\"name\" varchar(40) PRIMARY KEY NOT NULL, \"count\" integer NOT NULL)");
    // Added by hand: every count, of what is there (the same SQL in both dialects).
    await queryRunner.query("INSERT INTO tally (name, count) VALUES ('dossiers.IN_PROGRESS', (SELECT COUNT(*) FROM dossier WHERE status = 'IN_PROGRESS')), ('dossiers.ON_HOLD', (SELECT COUNT(*) FROM dossier WHERE status = 'ON_HOLD')), ('dossiers.COMPLETED', (SELECT COUNT(*) FROM dossier WHERE status = 'COMPLETED')), ('dossiers.CANCELLED', (SELECT COUNT(*) FROM dossier WHERE status = 'CANCELLED')), ('messages.fromClients', (SELECT COUNT(*) FROM message WHERE fromOffice = 0)), ('documents.inTabs', (SELECT COUNT(*) FROM document WHERE messageId IS NULL OR category = 'PROVIDED'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"tally\"");
  }
}
