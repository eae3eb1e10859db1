import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../client.js';
import { startSmtp } from '../fakes.js';
import { createTestDatabase, type TestServer } from '../server.js';
import { invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { openSocket, settle, type Socket } from '../socket.js';
import { spawnKluis, type KluisProcess } from '../resilience/processes.js';

/**
 * Two real server processes of one portal: one database (MariaDB, also in the
 * SQLite pass, since several processes need a shared database) and one Redis.
 * Whatever happens on one reaches the sockets of the other.
 */
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const DATABASE = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let smtp: Smtp;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let one: KluisProcess;
let two: KluisProcess;
const sockets: Socket[] = [];

/** An API client of one process; a cookie from one process is good on the other (one database). */
const clientOf = (server: KluisProcess, cookie = '') => Object.assign(new Client({ url: server.url } as TestServer), { cookie });

beforeAll(async () => {
  smtp = await startSmtp();
  database = await createTestDatabase(DATABASE);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-redis-'));
  const env = {
    ...database.env,
    DATA_DIR: dataDir,
    REDIS_URL: REDIS,
    REDIS_PREFIX: `kluis-test-${randomBytes(6).toString('hex')}:`,
    STORAGE_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: smtp.url,
    BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test',
    DEMO_DATA: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
  };
  one = await spawnKluis(env);
  two = await spawnKluis(env); // after the first, which created the schema
});
afterAll(async () => {
  for (const socket of sockets) await socket.client.dispose();
  for (const server of [one, two]) {
    if (!server) continue;
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await database?.drop();
  await smtp?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('several server processes with REDIS_URL', () => {
  it('deliver what happens on one process to the sockets of the other, and close them at sign-out', async () => {
    const { client: staffOnOne } = await onboardWithTotp({ url: one.url } as TestServer, smtp, 'notaris@kantoor.test');
    const annaId = (await invite(staffOnOne, { email: 'anna@example.nl' })).id;
    const { client: annaOnTwo } = await onboardWithTotp({ url: two.url } as TestServer, smtp, 'anna@example.nl');
    const dossierId = (await staffOnOne.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input: { number: '2026.0900', description: 'Levering', clientIds: [annaId] } })).createDossier.id;

    const annaSocket = openSocket(one.url, { cookie: annaOnTwo.cookie });
    const staffSocket = openSocket(two.url, { cookie: staffOnOne.cookie });
    sockets.push(annaSocket, staffSocket);
    const counts = annaSocket.subscribe('subscription { unreadCountsChanged { dossierId unreadTotal counts { messages { total unread } } } }');
    const toAnna = annaSocket.subscribe('subscription ($d: ID!) { messageAdded(dossierId: $d) { subject direction } }', { d: dossierId });
    const toStaff = staffSocket.subscribe('subscription ($d: ID!) { messageAdded(dossierId: $d) { subject direction } }', { d: dossierId });
    await settle();

    const send = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }';
    await clientOf(two, staffOnOne.cookie).ok(send, { input: { dossierId, subject: 'Concept', body: 'Bijgaand het concept.' } });
    await expect.poll(() => toAnna.results.map((r) => r.data?.messageAdded)).toEqual([{ subject: 'Concept', direction: 'INCOMING' }]);
    await expect.poll(() => counts.results.at(-1)?.data?.unreadCountsChanged).toEqual({ dossierId, unreadTotal: 1, counts: { messages: { total: 1, unread: 1 } } });

    await clientOf(one, annaOnTwo.cookie).ok(send, { input: { dossierId, subject: 'Akkoord', body: 'Dank u.' } });
    await expect.poll(() => toStaff.results.map((r) => r.data?.messageAdded)).toEqual([
      { subject: 'Concept', direction: 'OUTGOING' },
      { subject: 'Akkoord', direction: 'INCOMING' },
    ]);

    await annaOnTwo.ok('mutation { signOut }');
    expect((await annaSocket.closed).code).toBe(4401);
  });

  it('refuse to start with one line naming REDIS_URL when Redis cannot be reached', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-redis-'));
    try {
      const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: '0', DATA_DIR: dir, DEMO_DATA: 'false', REDIS_URL: 'redis://127.0.0.1:1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
      expect(output.trim()).toMatch(/^Kluis cannot start: REDIS_URL: cannot connect to Redis \(connect ECONNREFUSED [^)]*\)$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
