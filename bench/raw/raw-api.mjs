// The raw baseline of B1/B3: node:http + mysql2, the same SQL statements the server
// runs for the dossier list and a dossier's messages (session and user included),
// answering the same JSON. Staff see every dossier, a client those granted to them.
import { createHash } from 'node:crypto';
import http from 'node:http';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
const cursor = (createdAt, id) => Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
const STAFF = new Set(['ADMIN', 'STAFF']);
const q = async (sql, params) => (await pool.query(sql, params))[0];

async function viewer(cookieHeader) {
  const token = /(?:^|;\s*)kluis_session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  if (!token) return null;
  const [session] = await q('SELECT * FROM `session` WHERE tokenHash = ? AND revokedAt IS NULL LIMIT 1', [createHash('sha256').update(decodeURIComponent(token)).digest('hex')]);
  if (!session || session.expiresAt <= new Date()) return null;
  const [user] = await q('SELECT * FROM `user` WHERE id = ? AND removedAt IS NULL LIMIT 1', [session.userId]);
  return user ?? null;
}

const scope = (user, column) => (STAFF.has(user.role) ? ['', []] : [` AND EXISTS (SELECT 1 FROM dossier_access scope_access WHERE scope_access.dossierId = ${column} AND scope_access.userId = ?)`, [user.mainAccountId ?? user.id]]);

async function dossiers(user, first) {
  const [where, params] = scope(user, 'd.id');
  // Staff see every dossier: like the server, they count from the per-status tally.
  const [{ cnt }] = STAFF.has(user.role) ? [{ cnt: (await q('SELECT * FROM tally WHERE name IN (?)', [['dossiers.IN_PROGRESS', 'dossiers.ON_HOLD', 'dossiers.COMPLETED', 'dossiers.CANCELLED']])).reduce((sum, row) => sum + row.count, 0) }] : await q(`SELECT COUNT(1) AS cnt FROM dossier d WHERE 1=1${where}`, params);
  const rows = await q(`SELECT d.* FROM dossier d WHERE 1=1${where} ORDER BY d.createdAt DESC, d.id DESC LIMIT ?`, [...params, first + 1]);
  const page = rows.slice(0, first);
  const ids = page.map((d) => d.id);
  const steps = ids.length ? await q('SELECT * FROM progress_step WHERE dossierId IN (?) ORDER BY position ASC', [ids]) : [];
  const docs = ids.length
    ? await q(
        `SELECT doc.dossierId, doc.category, COUNT(*) AS total, SUM(CASE WHEN r.id IS NULL AND (doc.authorId IS NULL OR doc.authorId <> ?) THEN 1 ELSE 0 END) AS unread FROM document doc LEFT JOIN document_read r ON r.documentId = doc.id AND r.userId = ? WHERE doc.dossierId IN (?) AND (doc.messageId IS NULL OR doc.category = 'PROVIDED') GROUP BY doc.dossierId, doc.category`,
        [user.id, user.id, ids],
      )
    : [];
  const office = STAFF.has(user.role) ? 1 : 0;
  const msgs = ids.length
    ? await q(
        `SELECT m.dossierId, COUNT(*) AS total, SUM(CASE WHEN r.id IS NULL AND m.fromOffice <> ? THEN 1 ELSE 0 END) AS unread FROM message m LEFT JOIN message_read r ON r.messageId = m.id AND r.userId = ? WHERE m.dossierId IN (?) GROUP BY m.dossierId`,
        [office, user.id, ids],
      )
    : [];
  const tab = { CORRESPONDENCE: 'correspondence', DOCUMENT: 'documents', PROVIDED: 'provided' };
  const edges = page.map((d) => {
    const mine = steps.filter((s) => s.dossierId === d.id);
    const counts = { correspondence: { total: 0, unread: 0 }, documents: { total: 0, unread: 0 }, provided: { total: 0, unread: 0 }, messages: { total: 0, unread: 0 } };
    for (const r of docs) if (r.dossierId === d.id) counts[tab[r.category]] = { total: Number(r.total), unread: Number(r.unread) };
    for (const r of msgs) if (r.dossierId === d.id) counts.messages = { total: Number(r.total), unread: Number(r.unread) };
    const node = { id: d.id, number: d.number, description: d.description, status: d.status, updatedAt: d.updatedAt.toISOString(), progress: { done: mine.filter((s) => s.done).length, total: mine.length }, counts };
    return { node };
  });
  const last = page.at(-1);
  return { dossiers: { totalCount: Number(cnt), edges, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor(last.createdAt, last.id) : null } } };
}

async function messages(user, dossierId, first) {
  const [dWhere, dParams] = scope(user, 'd.id');
  const [dossier] = await q(`SELECT d.* FROM dossier d WHERE 1=1${dWhere} AND d.id = ?`, [...dParams, dossierId]);
  if (!dossier) return { dossier: null };
  const [where, params] = scope(user, 'm.dossierId');
  const [{ cnt }] = await q(`SELECT COUNT(1) AS cnt FROM message m WHERE 1=1${where} AND m.dossierId = ?`, [...params, dossierId]);
  const rows = await q(`SELECT m.* FROM message m WHERE 1=1${where} AND m.dossierId = ? ORDER BY m.createdAt DESC, m.id DESC LIMIT ?`, [...params, dossierId, first + 1]);
  const page = rows.slice(0, first);
  const office = STAFF.has(user.role);
  const incoming = page.filter((m) => !!m.fromOffice !== office).map((m) => m.id);
  const read = new Set(incoming.length ? (await q('SELECT * FROM message_read WHERE userId = ? AND messageId IN (?)', [user.id, incoming])).map((r) => r.messageId) : []);
  const edges = page.map((m) => ({
    cursor: cursor(m.createdAt, m.id),
    node: { id: m.id, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString(), direction: !!m.fromOffice === office ? 'OUTGOING' : 'INCOMING', read: !!m.fromOffice === office || read.has(m.id), automatic: !!m.automatic },
  }));
  return { dossier: { messages: { totalCount: Number(cnt), edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } } } };
}

http
  .createServer(async (req, res) => {
    if (req.url === '/ready') return res.end('ok');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    try {
      const { query, variables = {} } = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      const user = await viewer(req.headers.cookie);
      const send = (status, body) => {
        const json = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      };
      if (!user) return send(200, { errors: [{ message: 'Sign in to continue', extensions: { code: 'UNAUTHENTICATED' } }], data: null });
      const data = /messages\(/.test(query) ? await messages(user, variables.id, variables.first ?? 20) : await dossiers(user, variables.first ?? 20);
      send(200, { data });
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
