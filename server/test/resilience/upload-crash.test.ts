import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../fakes.js';
import { createTestDatabase, type TestServer } from '../server.js';
import { onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { sleep, spawnKluis, until, type KluisProcess } from './processes.js';
import { postUpload } from '../client.js';

/**
 * kill -9 while a message with two attachments is being uploaded: the first is
 * already in storage, the second half-written in the temporary directory, and
 * no row claims either. The restarted server removes both and keeps the rest.
 */
let smtp: Smtp;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let kluis: KluisProcess | undefined;
let env: Record<string, string>;

const files = () => path.join(dataDir, 'files');
const tmpFiles = () => fs.readdirSync(path.join(files(), '.tmp'));
/** Storage keys of the files on disk, outside the temporary directory. */
const storedKeys = () =>
  fs
    .readdirSync(files(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== '.tmp')
    .flatMap((d) => fs.readdirSync(path.join(files(), d.name)));

/** Reads the portal's database directly (SQLite in DATA_DIR, or the MariaDB test database). */
async function query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = database.env.DATABASE_URL;
  const db = new DataSource(url ? { type: 'mysql', url } : { type: 'better-sqlite3', database: path.join(dataDir, 'kluis.sqlite') });
  await db.initialize();
  try {
    return await db.query(sql, params);
  } finally {
    await db.destroy();
  }
}

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { id } } }';

/** A GraphQL multipart request (operations, map, then the files) as raw bytes. */
function multipart(boundary: string, operations: object, parts: { name: string; bytes: Buffer }[]) {
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const map = Object.fromEntries(parts.map((_, i) => [String(i), [`variables.input.attachments.${i}`]]));
  return [
    field('operations', JSON.stringify(operations)),
    field('map', JSON.stringify(map)),
    ...parts.map((p, i) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${i}"; filename="${p.name}"\r\nContent-Type: application/pdf\r\n\r\n`), p.bytes, Buffer.from('\r\n')]),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ];
}

beforeAll(async () => {
  smtp = await startSmtp();
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-crash-'));
  env = { ...database.env, DATA_DIR: dataDir, STORAGE_KEY: randomBytes(32).toString('hex'), SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test' };
  kluis = await spawnKluis(env);
});

afterAll(async () => {
  if (kluis) {
    kluis.child.kill('SIGKILL');
    await kluis.exited;
  }
  await database?.drop();
  await smtp?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 in the middle of an upload', () => {
  it('leaves no orphan row or file after the restart, and the earlier uploads intact', async () => {
    const { client: staff } = await onboardWithTotp({ url: kluis!.url } as TestServer, smtp, 'notaris@kantoor.test');
    const dossierId = (await staff.ok('mutation { createDossier(input: { number: "2026.0700", description: "Crash" }) { id } }')).createDossier.id;
    /** A multipart request through fetch; `files` maps variable paths to files. */
    const upload = async (operations: { query: string; variables?: Record<string, unknown> }, files: Record<string, { name: string; bytes: Buffer }>) => {
      const asPdf = Object.fromEntries(Object.entries(files).map(([at, f]) => [at, { name: f.name, type: 'application/pdf', body: f.bytes }]));
      const { body } = await postUpload(kluis!.url, operations, asPdf, { cookie: staff.cookie });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    // Completed uploads before the crash: a published document and a message attachment.
    const earlier = [pdf(300_000), pdf(150_000)];
    const published = await upload(
      { query: 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }', variables: { input: { dossierId, category: 'DOCUMENT', title: 'Akte', file: null } } },
      { 'variables.input.file': { name: 'akte.pdf', bytes: earlier[0]! } },
    );
    const sent = await upload({ query: SEND, variables: { input: { dossierId, subject: 'Concept', body: 'Bijgaand.', attachments: [null] } } }, { 'variables.input.attachments.0': { name: 'concept.pdf', bytes: earlier[1]! } });
    const earlierIds = [published.publishDocument.id, sent.sendMessage.attachments[0].id];
    const keysBefore = new Set(storedKeys());
    expect(keysBefore.size).toBe(2);

    // The interrupted upload: the first attachment whole, the second 256 KB of its 4 MB, sent slowly.
    const boundary = `kluis${randomBytes(8).toString('hex')}`;
    const crashInput = { dossierId, subject: 'Onderbroken', body: 'Twee bijlagen.', attachments: [null, null], idempotencyKey: 'crash-1' };
    const parts = [
      { name: 'eerste.pdf', bytes: pdf(200_000) },
      { name: 'tweede.pdf', bytes: pdf(4_000_000) },
    ];
    const body = Buffer.concat(multipart(boundary, { query: SEND, variables: { input: crashInput } }, parts));
    const cut = body.indexOf(parts[1]!.bytes.subarray(0, 64)) + 256 * 1024;
    const socket = net.connect(Number(new URL(kluis!.url).port), '127.0.0.1');
    socket.on('error', () => {}); // reset by the kill
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${staff.cookie}\r\nApollo-Require-Preflight: true\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    for (let at = 0; at < cut; at += 16 * 1024) {
      socket.write(body.subarray(at, Math.min(at + 16 * 1024, cut)));
      await sleep(5);
    }
    const inTmp = () => tmpFiles().filter((f) => fs.statSync(path.join(files(), '.tmp', f)).size > 0);
    await until('the first attachment is stored and the second is being written', () => storedKeys().length === keysBefore.size + 1 && inTmp().length > 0);

    kluis!.child.kill('SIGKILL');
    await kluis!.exited;
    socket.destroy();
    const orphans = storedKeys().filter((k) => !keysBefore.has(k));
    expect(orphans).toHaveLength(1);
    expect(tmpFiles().length).toBeGreaterThan(0);
    // Read in order, the attachments stream straight from the request into storage: nothing was buffered beside it.
    expect(tmpFiles().some((f) => f.startsWith('capacitor-'))).toBe(false);

    // Restarted after the sweep's grace period (it spares files that other processes may still be writing).
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const file of fs.readdirSync(files(), { recursive: true, withFileTypes: true })) {
      if (file.isFile()) fs.utimesSync(path.join(file.parentPath, file.name), hoursAgo, hoursAgo);
    }
    kluis = await spawnKluis(env);

    expect(tmpFiles()).toEqual([]);
    const rows = await query<{ id: string; storageKey: string }>('SELECT id, storageKey FROM document');
    expect(new Set(storedKeys())).toEqual(new Set(rows.map((r) => r.storageKey)));
    expect(rows.map((r) => r.id).sort()).toEqual([...earlierIds].sort());
    expect(await query('SELECT id FROM message WHERE subject = ?', ['Onderbroken'])).toEqual([]);

    for (const [i, id] of earlierIds.entries()) {
      const download = await fetch(`${kluis.url}/files/${id}`, { headers: { cookie: staff.cookie } });
      expect(download.status).toBe(200);
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(earlier[i]!));
    }

    // The client's retry of the interrupted message goes through once.
    const retried = await upload({ query: SEND, variables: { input: crashInput } }, { 'variables.input.attachments.0': parts[0]!, 'variables.input.attachments.1': parts[1]! });
    expect(retried.sendMessage.attachments).toHaveLength(2);
    expect(storedKeys()).toHaveLength(4);
  }, 90_000);
});
