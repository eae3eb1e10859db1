import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { Config } from '../config.js';
import { entities } from './entities.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export type DatabaseConfig = Config['database'];

/** MariaDB reports column defaults differently from MySQL; TypeORM must know which one it talks to. */
async function mysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    return /mariadb/i.test(String(rows[0]?.version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function dataSourceOptions(database: DatabaseConfig): Promise<DataSourceOptions> {
  const common = { entities, migrationsTableName: 'migrations', synchronize: false, logging: false } as const;
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      migrations: sqliteMigrations,
      enableWAL: true,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => void db.pragma('busy_timeout = 5000'),
    };
  }
  const url = database.url.replace(/^mariadb:/, 'mysql:');
  return {
    ...common,
    type: await mysqlFlavour(url),
    url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    migrations: mysqlMigrations,
    extra: { connectionLimit: 20 },
  };
}

/** Connects and brings the schema up to date; an unreachable database names DATABASE_URL. */
export async function openDatabase(database: DatabaseConfig): Promise<DataSource> {
  const dataSource = new DataSource(await dataSourceOptions(database));
  await dataSource.initialize();
  if (database.kind === 'mysql') {
    // Tables take the database's default character set; 4,000 'é' or an emoji must fit.
    const [{ charset }] = await dataSource.query('SELECT @@character_set_database AS charset');
    if (charset !== 'utf8mb4') await dataSource.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  }
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * The lock for a row read to be changed in the same transaction: MySQL/MariaDB lock it
 * (SELECT … FOR UPDATE); SQLite, which runs one write transaction at a time, needs none.
 */
export const forUpdate = (manager: EntityManager) => (manager.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const));
