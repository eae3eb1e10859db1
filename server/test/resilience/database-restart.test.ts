import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../fakes.js';
import type { TestServer } from '../server.js';
import { onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { findBinary, freePort, sleep, spawnKluis, until, type KluisProcess } from './processes.js';

/**
 * Kluis keeps running while its database goes away and comes back: a private
 * mariadbd (never the shared one) is killed and restarted under load. Only in
 * the MariaDB pass (TEST_DATABASE_URL set), since it needs the MariaDB binaries.
 */
const installDb = findBinary('mariadb-install-db');
const mariadbd = findBinary('mariadbd');
const skipped = !process.env.TEST_DATABASE_URL
  ? 'runs in the MariaDB pass only (TEST_DATABASE_URL unset)'
  : !installDb || !mariadbd
    ? 'mariadb-install-db or mariadbd is not installed'
    : '';

const user = os.userInfo().username;
let dir: string;
let port: number;
let database: { child: ChildProcess; exited: Promise<unknown> } | undefined;
let smtp: Smtp;
let kluis: KluisProcess | undefined;

async function connect() {
  return mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 2000 });
}

/** Starts mariadbd on the private data directory and waits until it answers. */
async function startDatabase(): Promise<void> {
  const child = spawn(
    mariadbd!,
    [
      '--no-defaults',
      `--datadir=${dir}/data`,
      `--socket=${dir}/mysqld.sock`,
      `--pid-file=${dir}/mysqld.pid`,
      `--log-error=${dir}/error.log`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--user=${user}`,
      '--skip-log-bin',
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
    ],
    { stdio: 'ignore' },
  );
  let gone = false;
  database = { child, exited: new Promise((resolve) => child.once('exit', () => resolve((gone = true)))) };
  await until('the private mariadbd answers', async () => {
    if (gone) throw new Error(`mariadbd exited:\n${fs.readFileSync(`${dir}/error.log`, 'utf8').slice(-2000)}`);
    const connection = await connect().catch(() => null);
    await connection?.end();
    return !!connection;
  });
}

async function stopDatabase(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  database!.child.kill(signal);
  await database!.exited;
  database = undefined;
}

const readyStatus = async () => (await fetch(`${kluis!.url}/readyz`)).status;

beforeAll(async () => {
  if (skipped) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-mariadb-'));
  port = await freePort();
  const install = spawnSync(
    installDb!,
    ['--no-defaults', '--auth-root-authentication-method=normal', `--datadir=${dir}/data`, `--user=${user}`, '--skip-test-db', '--skip-name-resolve', '--innodb-log-file-size=16M'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
  await startDatabase();
  const admin = await connect();
  await admin.query('CREATE DATABASE kluis CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await admin.end();
  smtp = await startSmtp();
  kluis = await spawnKluis({
    DATABASE_URL: `mysql://root@127.0.0.1:${port}/kluis`,
    DATA_DIR: path.join(dir, 'kluis'),
    SMTP_URL: smtp.url,
    BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test',
  });
}, 90_000);

afterAll(async () => {
  if (kluis) {
    kluis.child.kill('SIGKILL');
    await kluis.exited;
  }
  if (database) await stopDatabase('SIGKILL');
  await smtp?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!!skipped)(`a database restart under load (MariaDB pass only, private mariadbd)${skipped ? ` — skipped: ${skipped}` : ''}`, () => {
  it('turns /readyz red then green, answers SERVICE_UNAVAILABLE meanwhile, recovers without a restart and loses no acknowledged write', async () => {
    const { client: staff } = await onboardWithTotp({ url: kluis!.url } as TestServer, smtp, 'notaris@kantoor.test');
    const dossierId = (await staff.ok('mutation { createDossier(input: { number: "2026.0500", description: "Herstart" }) { id } }')).createDossier.id;
    const pid = kluis!.child.pid;

    // Load: writers retry a message with the same idempotency key until it is acknowledged, as the PWA's outbox does.
    const acknowledged = new Map<string, string>();
    const errors: { who: 'writer' | 'reader'; status: number; code?: string; retryAfterSeconds?: number }[] = [];
    let readsOk = 0;
    let stop = false;
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${kluis!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: staff.cookie }, body: JSON.stringify({ query, variables }) });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: Record<string, any> }[] } };
    };
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const input = { dossierId, subject: `Bericht ${w}.${n}`, body: 'Onder belasting verstuurd.', idempotencyKey: `w${w}-${n}` };
        while (!stop) {
          const { status, body } = await post('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }', { input });
          if (body.data?.sendMessage) {
            acknowledged.set(input.idempotencyKey, body.data.sendMessage.id);
            break;
          }
          errors.push({ who: 'writer', status, ...body.errors?.[0]?.extensions });
          await sleep(50);
        }
      }
    };
    const reader = async () => {
      while (!stop) {
        const { status, body } = await post('query ($id: ID!) { dossier(id: $id) { id messages(first: 5) { totalCount } } }', { id: dossierId });
        if (body.data?.dossier) readsOk++;
        else {
          errors.push({ who: 'reader', status, ...body.errors?.[0]?.extensions });
          await sleep(50);
        }
      }
    };
    let crashed: unknown;
    const load = [...[0, 1, 2, 3].map(writer), reader(), reader()].map((loop) => loop.catch((err) => ((crashed ??= err), (stop = true))));
    const failed = (who: 'writer' | 'reader') => errors.filter((e) => e.who === who).length;

    try {
      // Once with the harshest crash, once with a clean shutdown (its own error codes).
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        const [ackedBefore, readsBefore, writeErrorsBefore, readErrorsBefore] = [acknowledged.size, readsOk, failed('writer'), failed('reader')];
        await until('writes are acknowledged', () => acknowledged.size >= ackedBefore + 20 && readsOk >= readsBefore + 5);
        expect(await readyStatus()).toBe(200);

        await stopDatabase(signal);
        await until('/readyz turns red', async () => (await readyStatus()) === 503);
        await until('writers and readers get errors', () => failed('writer') > writeErrorsBefore && failed('reader') > readErrorsBefore);
        const download = await fetch(`${kluis!.url}/files/${randomUUID()}`, { headers: { cookie: staff.cookie } });
        expect([download.status, download.headers.get('retry-after'), ((await download.json()) as any).errors[0].extensions.code]).toEqual([503, '5', 'SERVICE_UNAVAILABLE']);

        await startDatabase();
        await until('/readyz turns green', async () => (await readyStatus()) === 200);
        const ackedAfterRestart = acknowledged.size;
        const readsAfterRestart = readsOk;
        await until('writes and reads succeed again', () => acknowledged.size >= ackedAfterRestart + 20 && readsOk >= readsAfterRestart + 5);
      }
    } finally {
      stop = true;
      await Promise.all(load);
    }

    if (crashed) throw crashed;
    expect([kluis!.child.pid, kluis!.child.exitCode, kluis!.child.signalCode]).toEqual([pid, null, null]);
    // Every error a client saw was the clear, retryable one.
    expect(errors.filter((e) => e.code !== 'SERVICE_UNAVAILABLE' || !(e.retryAfterSeconds! > 0)), kluis!.output()).toEqual([]);

    const check = await connect();
    try {
      const [rows] = await check.query<mysql.RowDataPacket[]>('SELECT id, idempotencyKey FROM kluis.message WHERE dossierId = ?', [dossierId]);
      const byKey = new Map(rows.map((r) => [r.idempotencyKey as string, r.id as string]));
      expect(byKey.size).toBe(rows.length);
      const lost = [...acknowledged].filter(([key, id]) => byKey.get(key) !== id);
      expect(lost).toEqual([]);
    } finally {
      await check.end();
    }
  }, 90_000);
});
