import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { loadConfig } from '../src/config.js';
import { startServer, type KluisServer } from '../src/server.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestServer extends KluisServer {
  dataDir: string;
  /** POST a GraphQL operation as JSON; `cookie` acts as a signed-in browser. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { cookie?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
}

/**
 * A real server on a random port with its own DATA_DIR. With TEST_DATABASE_URL
 * (e.g. mysql://root@127.0.0.1:3306/test) it gets a fresh MariaDB/MySQL database
 * of its own, dropped on close; otherwise an SQLite file in the DATA_DIR.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-test-'));
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent', ...database.env, ...env });
  const server = await startServer(config);
  return {
    ...server,
    dataDir,
    async gql(query, variables, options = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the MariaDB/MySQL server at `base` (TEST_DATABASE_URL by default); none (SQLite) without one. */
export async function createTestDatabase(base = process.env.TEST_DATABASE_URL): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!base) return { env: {}, drop: async () => {} };
  const url = new URL(base);
  const name = `kluis_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: url.href });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.href },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
