import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postUpload, type Client } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { openSocket, type Socket, type Subscription } from '../socket.js';
import { DossierService } from '../../src/modules/dossier/dossier.service.js';

/**
 * unreadCountsChanged is computed once per event for all its subscribers. The
 * event is published straight onto Redis, so the statements counted are those
 * of delivering it and nothing else.
 */
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `kluis-test-${randomBytes(6).toString('hex')}:`;
const COUNTS = `subscription { unreadCountsChanged { dossierId openActions unreadTotal counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } }`;
const AS_HTTP = `query ($d: ID!) { home { unreadTotal openActions } dossier(id: $d) { counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

let server: TestServer;
let smtp: Smtp;
let redis: Redis;
const users: Record<'staff' | 'colleague' | 'anna' | 'bram', Client> = {} as never;
const ids: Record<string, string> = {};
const userIds: Record<string, string> = {};
const sockets: Socket[] = [];
let statements = 0;

/** `count` sockets of one user (one session), each subscribed to unreadCountsChanged. */
function subscribers(client: Client, count: number): Subscription<any>[] {
  return Array.from({ length: count }, () => {
    const socket = openSocket(server.url, { cookie: client.cookie });
    sockets.push(socket);
    return socket.subscribe(COUNTS);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const publish = (event: { dossierId: string | null; userIds: string[] | null }) => redis.publish(`${PREFIX}counts`, JSON.stringify(event));
/** What a subscription heard of dossier events (the warm-up's have no dossier). */
const ofDossier = (sub: Subscription<any>) => sub.results.filter((r) => r.data?.unreadCountsChanged.dossierId);

/**
 * graphql-ws does not acknowledge a subscription: events for every user (without
 * a dossier) are sent until each socket has heard one; then the server is let go quiet.
 */
async function live(subs: Subscription<any>[]) {
  const everyone = Object.values(userIds);
  await expect
    .poll(
      async () => {
        if (subs.every((s) => s.results.length)) return true;
        await publish({ dossierId: null, userIds: everyone });
        return false;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  const quiet = async () => {
    const seen = statements;
    await sleep(300);
    return statements === seen;
  };
  await expect.poll(quiet, { timeout: 10_000 }).toBe(true);
}

/** Publishes a counts event for the dossier; returns the statements run until every expected subscriber has it. */
async function deliver(dossierId: string, expected: Subscription<any>[]): Promise<number> {
  const before = expected.map((s) => ofDossier(s).length);
  const start = statements;
  await publish({ dossierId, userIds: null });
  await expect.poll(() => expected.every((s, i) => ofDossier(s).length === before[i]! + 1)).toBe(true);
  return statements - start;
}

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', NOTIFY_BATCH_SECONDS: '3600', REDIS_URL: REDIS, REDIS_PREFIX: PREFIX });
  redis = new Redis(REDIS);
  ({ client: users.staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  userIds.staff = (await users.staff.ok('{ me { id } }')).me.id;
  userIds.colleague = (await invite(users.staff, { email: 'collega@kantoor.test', role: 'STAFF' })).id;
  userIds.anna = (await invite(users.staff, { email: 'anna@example.nl' })).id;
  userIds.bram = (await invite(users.staff, { email: 'bram@example.nl' })).id;
  ({ client: users.colleague } = await onboardWithTotp(server, smtp, 'collega@kantoor.test'));
  ({ client: users.anna } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: users.bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  ids.dossier = (await users.staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input: { number: '2026.0401', description: 'Levering', clientIds: [userIds.anna] } })).createDossier.id;
  // Something unread on either side.
  await users.staff.ok(SEND, { input: { dossierId: ids.dossier, subject: 'Stukken', body: 'Bijgaand de stukken.' } });
  await users.anna.ok(SEND, { input: { dossierId: ids.dossier, subject: 'Vraag', body: 'Wanneer passeren we?' } });
  await users.staff.ok(SEND, { input: { dossierId: ids.dossier, subject: 'Antwoord', body: 'Volgende week.' } });
  // Documents written by either side (unread only for the other), and one of them read.
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
  const upload = (client: Client, query: string, input: Record<string, unknown>, at: string) =>
    postUpload(server.url, { query, variables: { input } }, { [at]: { name: 'stuk.pdf', type: 'application/pdf', body: PDF } }, { cookie: client.cookie });
  const PUBLISH = 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }';
  const published = await Promise.all(
    ['CORRESPONDENCE', 'DOCUMENT'].map((category) => upload(users.staff, PUBLISH, { dossierId: ids.dossier, category, title: category, file: null }, 'variables.input.file')),
  );
  await upload(users.anna, SEND, { dossierId: ids.dossier, subject: 'Paspoort', body: 'Bijgaand.', attachments: [null] }, 'variables.input.attachments.0');
  expect((await fetch(`${server.url}/files/${published[0]!.body.data.publishDocument.id}`, { headers: { cookie: users.anna.cookie } })).status).toBe(200);
  const logger = server.db.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args) => {
    // The outbox's dispatcher polls on its own, once a second.
    if (!String(args[0]).includes('outbox_item')) statements++;
    return logQuery(...args);
  };
});
afterEach(() => {
  for (const socket of sockets.splice(0)) void socket.client.dispose();
});
afterAll(async () => {
  redis?.disconnect();
  await server?.close();
  await smtp?.close();
});

describe('unreadCountsChanged for many subscribers', () => {
  it('costs the same statements for one event whether 2 or 40 sockets hear it, and gives each user their own counts', async () => {
    const few = [...subscribers(users.staff, 1), ...subscribers(users.anna, 1)];
    await live(few);
    const forFew = await deliver(ids.dossier, few);

    // More sockets of the same users, another member of staff, and a client who may not see the dossier.
    const staff = subscribers(users.staff, 10);
    const anna = subscribers(users.anna, 10);
    const colleague = subscribers(users.colleague, 10);
    const bram = subscribers(users.bram, 8);
    await live([...staff, ...anna, ...colleague, ...bram]);
    const forMany = await deliver(ids.dossier, [...few, ...staff, ...anna, ...colleague]);

    // A few per event (19 today), never per socket; the slack of 2 is the periodic session check of open sockets.
    expect(forFew).toBeLessThanOrEqual(22);
    expect(forMany).toBeLessThanOrEqual(forFew + 2);

    for (const [who, subs] of [['staff', staff], ['anna', anna], ['colleague', colleague]] as const) {
      const http = await users[who].ok(AS_HTTP, { d: ids.dossier });
      for (const sub of subs) {
        expect(ofDossier(sub)).toHaveLength(1);
        expect(ofDossier(sub)[0]!.data!.unreadCountsChanged).toEqual({ dossierId: ids.dossier, unreadTotal: http.home.unreadTotal, openActions: http.home.openActions, counts: http.dossier.counts });
      }
    }
    expect(ofDossier(staff[0]!)[0]!.data!.unreadCountsChanged.counts).toEqual({ correspondence: { total: 1, unread: 0 }, documents: { total: 1, unread: 0 }, provided: { total: 1, unread: 1 }, messages: { total: 4, unread: 2 } });
    expect(ofDossier(colleague[0]!)[0]!.data!.unreadCountsChanged.counts).toEqual({ correspondence: { total: 1, unread: 1 }, documents: { total: 1, unread: 1 }, provided: { total: 1, unread: 1 }, messages: { total: 4, unread: 2 } });
    expect(ofDossier(anna[0]!)[0]!.data!.unreadCountsChanged.counts).toEqual({ correspondence: { total: 1, unread: 0 }, documents: { total: 1, unread: 1 }, provided: { total: 1, unread: 0 }, messages: { total: 4, unread: 2 } });
    await sleep(300);
    expect(bram.every((s) => ofDossier(s).length === 0)).toBe(true);
  });

  it('gives each user their own counts when there are too many users to name them', async () => {
    const manyUsers = DossierService.manyUsers;
    DossierService.manyUsers = 0;
    try {
      // The staff member who wrote and read in the dossier is not among them: their rows are passed over.
      const anna = subscribers(users.anna, 1);
      const colleague = subscribers(users.colleague, 1);
      await live([...anna, ...colleague]);
      await deliver(ids.dossier, [...anna, ...colleague]);
      for (const [who, subs] of [['anna', anna], ['colleague', colleague]] as const) {
        const http = await users[who].ok(AS_HTTP, { d: ids.dossier });
        expect(ofDossier(subs[0]!).at(-1)!.data!.unreadCountsChanged).toEqual({ dossierId: ids.dossier, unreadTotal: http.home.unreadTotal, openActions: http.home.openActions, counts: http.dossier.counts });
      }
    } finally {
      DossierService.manyUsers = manyUsers;
    }
  });

  // Few users: their ids are read again; many (manyUsers 0 here): the removed accounts are.
  it.each([['few', DossierService.manyUsers], ['many', 0]])('tells a removed account nothing, though its socket is still open (%s users)', async (_, manyUsers) => {
    const before = DossierService.manyUsers;
    DossierService.manyUsers = manyUsers;
    try {
      const staff = subscribers(users.staff, 1);
      const colleague = subscribers(users.colleague, 2);
      await live([...staff, ...colleague]);
      // Removed behind the server's back (no event): the socket stays open until the next session check.
      await server.db.query(`UPDATE user SET removedAt = createdAt WHERE id = ?`, [userIds.colleague]);
      await deliver(ids.dossier, staff);
      await sleep(300);
      expect(colleague.every((s) => ofDossier(s).length === 0)).toBe(true);
    } finally {
      DossierService.manyUsers = before;
      await server.db.query(`UPDATE user SET removedAt = NULL WHERE id = ?`, [userIds.colleague]);
    }
  });
});
