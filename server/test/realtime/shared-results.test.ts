import { MessageType, stringifyMessage } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, SIGN_IN } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { PASSWORD, invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { settle } from '../socket.js';
import { DossierResolver } from '../../src/modules/dossier/dossier.resolver.js';

/**
 * Within one event, the sockets of one user (any of their sessions) share one execution
 * of the same subscription and receive the very same text; so do users of the same role
 * whose counts are the same (unreadCountsChanged depends on its value alone); every other
 * user gets their own. Frames are read as sent, by a client that speaks graphql-transport-ws by hand.
 */
const COUNTS = `subscription { unreadCountsChanged { dossierId openActions unreadTotal counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } }`;
const TOTAL_ONLY = `subscription { unreadCountsChanged { unreadTotal } }`;
const AS_HTTP = `query ($d: ID!) { home { unreadTotal openActions } dossier(id: $d) { counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

let server: TestServer;
let smtp: Smtp;
const users: Record<string, Client> = {};
let dossierId: string;
let annaRecoveryCodes: string[];
const opened: WebSocket[] = [];

interface RawSubscriber {
  frames: string[];
  closed: Promise<number>;
}

/** A socket with one subscription; `frames` holds the text of every `next` message. */
async function subscribe(client: Client, query: string, id = '1'): Promise<RawSubscriber> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie: client.cookie } });
  opened.push(ws);
  const frames: string[] = [];
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
    ws.on('message', (data) => {
      const text = data.toString();
      const message = JSON.parse(text);
      if (message.type === 'connection_ack') {
        ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
        resolve();
      } else if (message.type === 'next') frames.push(text);
      else if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      else reject(new Error(text));
    });
    ws.on('error', reject);
  });
  return { frames, closed };
}

/** Counts executions of the subscription's root field: one per shared result. */
function countExecutions() {
  const original = DossierResolver.prototype.unreadCountsChanged;
  const counter = { runs: 0, restore: () => void (DossierResolver.prototype.unreadCountsChanged = original) };
  DossierResolver.prototype.unreadCountsChanged = function (this: DossierResolver, ...args) {
    counter.runs++;
    return original.apply(this, args);
  };
  return counter;
}

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', NOTIFY_BATCH_SECONDS: '3600' });
  ({ client: users.staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  await invite(users.staff, { email: 'collega@kantoor.test', role: 'STAFF' });
  const annaId = (await invite(users.staff, { email: 'anna@example.nl' })).id;
  await invite(users.staff, { email: 'bram@example.nl' });
  const carlaId = (await invite(users.staff, { email: 'carla@example.nl' })).id;
  ({ client: users.colleague } = await onboardWithTotp(server, smtp, 'collega@kantoor.test'));
  ({ client: users.anna, recoveryCodes: annaRecoveryCodes } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: users.bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  ({ client: users.carla } = await onboardWithTotp(server, smtp, 'carla@example.nl'));
  dossierId = (await users.staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input: { number: '2026.0501', description: 'Levering', clientIds: [annaId, carlaId] } })).createDossier.id;
  // Anna's second browser: a session of its own.
  users.annaTab = new Client(server);
  await users.annaTab.ok(SIGN_IN, { email: 'anna@example.nl', password: PASSWORD });
  await users.annaTab.ok('mutation ($c: String!) { verifySecondFactor(method: RECOVERY_CODE, code: $c) { step } }', { c: annaRecoveryCodes[0] });
});
afterAll(async () => {
  for (const ws of opened) ws.terminate();
  await server?.close();
  await smtp?.close();
});

describe('results shared by the sockets of one user, and by users with the same counts', () => {
  it('sends each socket of a user the same text of one execution, each user their own counts, and in event order', async () => {
    const anna = [...(await Promise.all([1, 2, 3].map(() => subscribe(users.anna!, COUNTS)))), ...(await Promise.all([1, 2].map(() => subscribe(users.annaTab!, COUNTS))))];
    const annaOwnId = await subscribe(users.anna!, COUNTS, 'd3b07384-d9a0-4c9f-8f6b-2f1e0c5d6a7b');
    const annaTotalOnly = await subscribe(users.annaTab!, TOTAL_ONLY);
    const staff = await Promise.all([1, 2].map(() => subscribe(users.staff!, COUNTS)));
    const colleague = await subscribe(users.colleague!, COUNTS);
    const bram = await subscribe(users.bram!, COUNTS);
    const carla = await subscribe(users.carla!, COUNTS);
    await settle();

    const executions = countExecutions();
    try {
      await users.staff!.ok(SEND, { input: { dossierId, subject: 'Stukken', body: 'Bijgaand de stukken.' } });
      const hearing = [...anna, annaOwnId, annaTotalOnly, ...staff, colleague, carla];
      await expect.poll(() => hearing.every((s) => s.frames.length === 1)).toBe(true);
      // Anna's and Carla's counts (the same), Anna's totals only, staff's, the colleague's (who has not read it): four,
      // however many sockets.
      expect(executions.runs).toBe(4);
    } finally {
      executions.restore();
    }

    const [annaFrame] = anna[0]!.frames;
    for (const s of anna) expect(s.frames).toEqual([annaFrame]);
    expect(carla.frames).toEqual([annaFrame]);
    expect(annaOwnId.frames).toEqual([annaFrame!.replace('"id":"1"', '"id":"d3b07384-d9a0-4c9f-8f6b-2f1e0c5d6a7b"')]);
    for (const s of staff) expect(s.frames).toEqual(staff[0]!.frames);
    // Exactly the text graphql-ws makes of the message.
    for (const frame of [annaFrame!, staff[0]!.frames[0]!, colleague.frames[0]!, annaTotalOnly.frames[0]!]) expect(frame).toBe(stringifyMessage(JSON.parse(frame)));

    for (const [who, frame] of [['anna', annaFrame], ['carla', annaFrame], ['staff', staff[0]!.frames[0]], ['colleague', colleague.frames[0]]] as const) {
      const http = await users[who]!.ok(AS_HTTP, { d: dossierId });
      expect(JSON.parse(frame!)).toEqual({ id: '1', type: MessageType.Next, payload: { data: { unreadCountsChanged: { dossierId, unreadTotal: http.home.unreadTotal, openActions: http.home.openActions, counts: http.dossier.counts } } } });
    }
    expect(JSON.parse(annaTotalOnly.frames[0]!).payload.data).toEqual({ unreadCountsChanged: { unreadTotal: JSON.parse(annaFrame!).payload.data.unreadCountsChanged.unreadTotal } });
    // Staff and Anna see different sides of the same messages.
    expect(JSON.parse(annaFrame!).payload.data.unreadCountsChanged.counts.messages).toEqual({ total: 1, unread: 1 });
    expect(JSON.parse(staff[0]!.frames[0]!).payload.data.unreadCountsChanged.counts.messages).toEqual({ total: 1, unread: 0 });

    // Two events in a row: every socket hears both, in order.
    await users.staff!.ok(SEND, { input: { dossierId, subject: 'Aanvulling', body: 'Nog een stuk.' } });
    await users.staff!.ok(SEND, { input: { dossierId, subject: 'Planning', body: 'Passeren volgende week.' } });
    await expect.poll(() => anna.every((s) => s.frames.length === 3)).toBe(true);
    for (const s of anna) expect(s.frames.map((f) => JSON.parse(f).payload.data.unreadCountsChanged.unreadTotal)).toEqual([1, 2, 3]);
    await expect.poll(() => carla.frames.length).toBe(3);
    expect(carla.frames).toEqual(anna[0]!.frames);

    // Once Carla has read a message, her counts are her own again.
    const { sendMessage } = await users.staff!.ok(SEND, { input: { dossierId, subject: 'Akte', body: 'De concept-akte.' } });
    await expect.poll(() => carla.frames.length).toBe(4);
    await users.carla!.ok('mutation ($id: ID!) { markMessageRead(id: $id) { id } }', { id: sendMessage.id });
    await expect.poll(() => carla.frames.length).toBe(5);
    const executions2 = countExecutions();
    try {
      await users.staff!.ok(SEND, { input: { dossierId, subject: 'Afspraak', body: 'Tot dinsdag.' } });
      await expect.poll(() => carla.frames.length === 6 && anna.every((s) => s.frames.length === 5)).toBe(true);
      // Anna, Carla (one read), Anna's totals only, staff, the colleague: five.
      expect(executions2.runs).toBe(5);
    } finally {
      executions2.restore();
    }
    const unread = (frame: string) => JSON.parse(frame).payload.data.unreadCountsChanged.counts.messages.unread;
    expect([unread(anna[0]!.frames.at(-1)!), unread(carla.frames.at(-1)!)]).toEqual([5, 4]);
    await settle();
    expect(bram.frames).toEqual([]);
  });

  it('keeps delivering to the sockets of a session that stays when the other session of the user signs out', async () => {
    const leaving = await Promise.all([1, 2].map(() => subscribe(users.anna!, COUNTS)));
    const staying = await Promise.all([1, 2].map(() => subscribe(users.annaTab!, COUNTS)));
    await settle();
    await users.anna!.ok('mutation { signOut }');
    for (const s of leaving) expect(await s.closed).toBe(4401);
    await users.staff!.ok(SEND, { input: { dossierId, subject: 'Na afmelden', body: 'Nog een bericht.' } });
    await expect.poll(() => staying.every((s) => s.frames.length === 1)).toBe(true);
    expect(staying[1]!.frames).toEqual(staying[0]!.frames);
    expect(leaving.every((s) => s.frames.length === 0)).toBe(true);
  });
});
