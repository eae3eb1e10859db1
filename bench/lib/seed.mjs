// Seeds a benchmark database at scale through large multi-row INSERTs, after the
// server's own migrations have made the schema. Reuses a database whose row counts match.
import { createHash } from 'node:crypto';
import mysql from 'mysql2/promise';
import { serverModule } from './paths.mjs';

export const PASSWORD = 'Bench-Kluis-2026!';
/** Fixed, so a reused database's sealed TOTP secret still opens: passed to the server as STORAGE_KEY. */
export const STORAGE_KEY = createHash('sha256').update('kluis-bench-storage-key').digest('hex');
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const CLIENT_EMAIL = 'bench-client@kluis.bench';
export const STAFF_EMAIL = 'bench-staff@kluis.bench';
/** Dossiers the bench client can see: enough for pages of 100. */
const CLIENT_DOSSIERS = 120;
const STEPS_PER_DOSSIER = 4;
const CATEGORIES = ['CORRESPONDENCE', 'DOCUMENT', 'PROVIDED'];
const STATUSES = ['IN_PROGRESS', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'];

export function sizes(scale) {
  const n = (full, min) => Math.max(min, Math.round(full * scale));
  return { clients: n(10_000, 10), dossiers: n(50_000, 50), messages: n(1_000_000, 1_000), documents: n(500_000, 500) };
}

/** Deterministic UUID-shaped ids: kind letter + counter. */
const id = (kind, i) => `${kind}0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
export const dossierId = (i) => id('d', i);
export const clientId = (i) => id('c', i);
const BENCH_CLIENT = id('b', 1);
const BENCH_STAFF = id('a', 1);
export const ids = { benchClient: BENCH_CLIENT, benchStaff: BENCH_STAFF };

const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);
/** Dossier i was opened i/total of the way through two years; its messages and documents follow it. */
const openedAt = (i, total) => new Date(EPOCH + Math.floor((i / total) * 700 * DAY));

export function databaseUrl(name) {
  const base = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  return base.replace(/\/[^/]*$/, '/') + name;
}

async function counts(conn) {
  const one = async (sql) => Number((await conn.query(sql))[0][0].n);
  return {
    // Only the seeded rows (their ids have a fixed prefix): what the benchmarks add themselves does not count.
    clients: await one(`SELECT COUNT(*) n FROM user WHERE role = 'CLIENT' AND id LIKE 'c%'`),
    dossiers: await one(`SELECT COUNT(*) n FROM dossier WHERE id LIKE 'd%'`),
    messages: await one(`SELECT COUNT(*) n FROM message WHERE id LIKE 'm0000000-%'`),
    documents: await one(`SELECT COUNT(*) n FROM document WHERE id LIKE 'o0000000-%'`),
  };
}

/** Runs the server's migrations (its own openDatabase), so the schema is exactly the real one. */
async function migrate(url) {
  const { openDatabase } = await import(serverModule('db/data-source.js'));
  const ds = await openDatabase({ kind: 'mysql', url });
  await ds.destroy();
}

async function insert(conn, table, columns, rows) {
  const BATCH = 5_000;
  for (let i = 0; i < rows.length; i += BATCH) {
    await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [rows.slice(i, i + BATCH)]);
  }
}

/** Streams generated rows in batches, so a million rows never sit in memory at once. */
async function insertGenerated(conn, table, columns, total, make) {
  const BATCH = 5_000;
  let pending = null;
  // One transaction per 100 batches: far fewer log flushes than autocommit.
  await conn.query('START TRANSACTION');
  for (let start = 0; start < total; start += BATCH) {
    if (start && start % (BATCH * 100) === 0) await pending, await conn.query('COMMIT'), await conn.query('START TRANSACTION');
    const rows = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) rows.push(make(i));
    await pending;
    pending = conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [rows]);
  }
  await pending;
  await conn.query('COMMIT');
}

/**
 * Creates (or reuses) database `name` at `scale`; returns what the benchmarks need
 * to know about it (sizes, the bench users, a dossier of the bench client).
 */
export async function seed(name, scale, log = console.log) {
  const want = sizes(scale);
  const admin = await mysql.createConnection({ uri: databaseUrl(''), multipleStatements: true });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = databaseUrl(name);
  await migrate(url);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true, dateStrings: false, timezone: 'Z' });
  const info = { name, url, scale, sizes: want, clientDossiers: Math.min(CLIENT_DOSSIERS, want.dossiers), reused: false };
  try {
    const have = await counts(conn);
    const benchUsers = Number((await conn.query(`SELECT COUNT(*) n FROM user WHERE id IN (?)`, [[BENCH_CLIENT, BENCH_STAFF]]))[0][0].n);
    if (benchUsers === 2 && Object.keys(want).every((k) => have[k] === want[k])) {
      log(`seed ${name}: reusing (${JSON.stringify(have)})`);
      info.reused = true;
      return info;
    }
    const started = Date.now();
    log(`seed ${name}: ${JSON.stringify(want)} ...`);
    await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0, autocommit = 1');
    const tables = (await conn.query(`SELECT table_name t FROM information_schema.tables WHERE table_schema = ? AND table_name <> 'migrations'`, [name]))[0].map((r) => r.t ?? r.TABLE_NAME);
    for (const t of tables) await conn.query(`TRUNCATE TABLE \`${t}\``);

    const { hashPassword } = await import(serverModule('modules/auth/password.js'));
    const { Sealer } = await import(serverModule('security/secrets.js'));
    const passwordHash = await hashPassword(PASSWORD);
    const sealedTotp = Sealer.fromConfig(Buffer.from(STORAGE_KEY, 'hex'), '/nonexistent').seal(TOTP_SECRET);
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const terms = readFileSync(fileURLToPath(new URL('../../server/assets/terms.md', import.meta.url)), 'utf8');
    const termsVersion = /^version:\s*(.+)$/m.exec(terms)?.[1]?.trim() ?? null;
    const now = new Date();

    const userColumns = ['id', 'createdAt', 'email', 'role', 'accountKind', 'initials', 'firstName', 'lastName', 'language', 'passwordHash', 'totpSecret', 'secondFactorPromptedAt', 'termsAcceptedVersion'];
    const staff = Array.from({ length: 10 }, (_, i) => [i === 0 ? BENCH_STAFF : id('a', i + 1), now, i === 0 ? STAFF_EMAIL : `staff${i}@kluis.bench`, i === 0 ? 'ADMIN' : 'STAFF', 'PERSON', 'B.', 'Bench', `Staff ${i}`, 'NL', passwordHash, sealedTotp, now, termsVersion]);
    await insert(conn, 'user', userColumns, [...staff, [BENCH_CLIENT, now, CLIENT_EMAIL, 'CLIENT', 'PERSON', 'B.', 'Bench', 'Client', 'NL', passwordHash, sealedTotp, now, termsVersion]]);
    const staffIds = staff.map((s) => s[0]);
    await insertGenerated(conn, 'user', userColumns, want.clients, (i) => [clientId(i), openedAt(i, want.clients), `client${i}@kluis.bench`, 'CLIENT', 'PERSON', 'K.', 'Klant', `Nummer ${i}`, 'NL', passwordHash, null, now, termsVersion]);

    await insertGenerated(conn, 'dossier', ['id', 'createdAt', 'number', 'description', 'status', 'handlerId', 'updatedAt'], want.dossiers, (i) => {
      const at = openedAt(i, want.dossiers);
      return [dossierId(i), at, `B-${String(i).padStart(7, '0')}`, `Dossier ${i}: levering van een woning aan de Voorbeeldstraat ${i % 300}`, STATUSES[i % STATUSES.length], staffIds[i % staffIds.length], at];
    });
    // Every dossier has one client; the bench client also sees CLIENT_DOSSIERS spread over the whole range, newest included.
    const stride = Math.max(1, Math.floor(want.dossiers / info.clientDossiers));
    const benchDossiers = Array.from({ length: info.clientDossiers }, (_, k) => want.dossiers - 1 - k * stride);
    await insertGenerated(conn, 'dossier_access', ['id', 'createdAt', 'dossierId', 'userId'], want.dossiers + benchDossiers.length, (i) =>
      i < want.dossiers ? [id('e', i), now, dossierId(i), clientId(i % want.clients)] : [id('f', i), now, dossierId(benchDossiers[i - want.dossiers]), BENCH_CLIENT],
    );
    await insertGenerated(conn, 'progress_step', ['id', 'createdAt', 'dossierId', 'title', 'position', 'done', 'doneAt'], want.dossiers * STEPS_PER_DOSSIER, (i) => {
      const d = Math.floor(i / STEPS_PER_DOSSIER);
      const position = i % STEPS_PER_DOSSIER;
      const done = position < d % (STEPS_PER_DOSSIER + 1);
      return [id('p', i), now, dossierId(d), `Stap ${position + 1}`, position, done, done ? now : null];
    });

    // Messages: dossier j gets the messages i with i % dossiers === j, later than its opening, alternating sides.
    const body = 'Geachte heer, mevrouw, hierbij ontvangt u de stukken voor de passeerdatum. '.repeat(3);
    await insertGenerated(conn, 'message', ['id', 'createdAt', 'dossierId', 'threadId', 'subject', 'body', 'authorId', 'fromOffice', 'automatic'], want.messages, (i) => {
      const d = i % want.dossiers;
      const round = Math.floor(i / want.dossiers);
      const fromOffice = round % 2 === 0;
      const first = d; // the thread starts with the dossier's first message
      return [id('m', i), new Date(openedAt(d, want.dossiers).getTime() + round * 3_600_000 + 1), dossierId(d), id('m', first), `Onderwerp ${round}`, body, fromOffice ? staffIds[d % staffIds.length] : clientId(d % want.clients), fromOffice, false];
    });
    await insertGenerated(conn, 'document', ['id', 'createdAt', 'dossierId', 'title', 'category', 'fileName', 'mimeType', 'size', 'sha256', 'storageKey', 'authorId', 'messageId'], want.documents, (i) => {
      const d = i % want.dossiers;
      const round = Math.floor(i / want.dossiers);
      const category = CATEGORIES[round % CATEGORIES.length];
      const hash = createHash('sha256').update(String(i)).digest('hex');
      return [id('o', i), new Date(openedAt(d, want.dossiers).getTime() + round * 3_600_000 + 2), dossierId(d), `Stuk ${round}`, category, `stuk-${i}.pdf`, 'application/pdf', 2048, hash, hash.slice(0, 32), category === 'PROVIDED' ? clientId(d % want.clients) : staffIds[d % staffIds.length], null];
    });
    // The server keeps counts (the `tally` table) with every write; bulk inserts bypass it.
    await conn.query((await import(serverModule('db/tally.js'))).RECOUNT_TALLIES);
    // The bench client has read the older half of its dossiers' messages and documents.
    const benchSet = benchDossiers.map(dossierId);
    await conn.query(`INSERT INTO message_read (id, createdAt, messageId, userId) SELECT CONCAT('r', SUBSTRING(m.id, 2)), NOW(3), m.id, ? FROM message m WHERE m.dossierId IN (?) AND m.fromOffice = 1 AND CONV(RIGHT(m.id, 12), 16, 10) < ?`, [BENCH_CLIENT, benchSet, want.messages / 2]);
    await conn.query(`INSERT INTO document_read (id, createdAt, documentId, userId) SELECT CONCAT('s', SUBSTRING(o.id, 2)), NOW(3), o.id, ? FROM document o WHERE o.dossierId IN (?) AND CONV(RIGHT(o.id, 12), 16, 10) < ?`, [BENCH_CLIENT, benchSet, want.documents / 2]);
    await conn.query('ANALYZE TABLE user, dossier, dossier_access, progress_step, message, message_read, document, document_read');
    log(`seed ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return info;
  } finally {
    await conn.end();
  }
}

/** A session row for the bench client, as sign-in would make it (token hashed); for the many subscribers of B5. */
export async function insertSessions(url, userId, count) {
  const { randomBytes } = await import('node:crypto');
  const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
  try {
    const now = new Date();
    const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
    await insert(
      conn,
      'session',
      ['id', 'createdAt', 'tokenHash', 'userId', 'step', 'lastSeenAt', 'expiresAt', 'revokedAt', 'failures'],
      tokens.map((t, i) => [`9${randomBytes(4).toString('hex').slice(1)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, now, createHash('sha256').update(t).digest('hex'), userId, 'DONE', now, new Date(now.getTime() + 3_600_000), null, 0]),
    );
    return tokens;
  } finally {
    await conn.end();
  }
}

/**
 * B5's distinct users: `count` clients (ids with their own prefix, so the seeded sizes do not count
 * them) who may all see `dossierId`, each with one signed-in session. They get no e-mail, so that a
 * message to the dossier costs one outbox row per seeded client, not 5,000 of them. Returns the
 * session tokens and `remove()`, which deletes users, access and sessions again (as any left
 * behind by an interrupted run).
 */
export async function insertDistinctClients(url, dossierId, count) {
  const userIds = Array.from({ length: count }, (_, i) => id('g', i));
  const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
  let tokens;
  const remove = async (c) => {
    await c.query(`DELETE FROM session WHERE userId LIKE 'g0000000-%'`);
    await c.query(`DELETE FROM dossier_access WHERE id LIKE 'h0000000-%'`);
    await c.query(`DELETE FROM user WHERE id LIKE 'g0000000-%'`);
  };
  try {
    await remove(conn);
    const now = new Date();
    const terms = (await conn.query(`SELECT termsAcceptedVersion v FROM user WHERE id = ?`, [BENCH_CLIENT]))[0][0]?.v ?? null;
    await insert(conn, 'user', ['id', 'createdAt', 'email', 'role', 'accountKind', 'initials', 'firstName', 'lastName', 'language', 'secondFactorPromptedAt', 'termsAcceptedVersion', 'notifyNewMessages'], userIds.map((u, i) => [u, now, `distinct${i}@kluis.bench`, 'CLIENT', 'PERSON', 'D.', 'Distinct', `Client ${i}`, 'NL', now, terms, 0]));
    await insert(conn, 'dossier_access', ['id', 'createdAt', 'dossierId', 'userId'], userIds.map((u, i) => [id('h', i), now, dossierId, u]));
    // As insertSessions, one session per user.
    const { randomBytes } = await import('node:crypto');
    tokens = userIds.map(() => randomBytes(32).toString('base64url'));
    await insert(
      conn,
      'session',
      ['id', 'createdAt', 'tokenHash', 'userId', 'step', 'lastSeenAt', 'expiresAt', 'revokedAt', 'failures'],
      tokens.map((t, i) => [id('9', 0x800000000 + i), now, createHash('sha256').update(t).digest('hex'), userIds[i], 'DONE', now, new Date(now.getTime() + 3_600_000), null, 0]),
    );
  } finally {
    await conn.end();
  }
  return {
    tokens,
    remove: async () => {
      const c = await mysql.createConnection({ uri: url });
      try {
        await remove(c);
      } finally {
        await c.end();
      }
    },
  };
}
