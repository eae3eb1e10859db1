import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/modules/auth/session.entity.js';
import { Client, SIGN_IN, errorOf } from '../client.js';
import { smsCodeFromOutbox } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed.js';

// No SMTP_URL and no Vonage credentials: e-mail and SMS go to DATA_DIR/outbox, as on a fresh machine.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true', PUBLIC_URL: 'https://portaal.example.nl' });
});
afterAll(() => server?.close());

const outbox = () => (fs.existsSync(path.join(server.dataDir, 'outbox')) ? fs.readdirSync(path.join(server.dataDir, 'outbox')) : []);

async function signInDemoClient() {
  const client = new Client(server);
  expect((await client.ok(SIGN_IN, { email: 'klant@demo.kluis.test', password: DEMO_PASSWORD })).signIn.step).toBe('SECOND_FACTOR');
  const code = await smsCodeFromOutbox(server.dataDir, () => client.ok('mutation { sendSignInSmsCode }'));
  expect((await client.ok('mutation ($c: String!) { verifySecondFactor(method: SMS, code: $c) { step } }', { c: code })).verifySecondFactor.step).toBe('DONE');
  return client;
}

describe('sessions', () => {
  it('lets the demo client sign in with the SMS code from the outbox, over a Secure cookie under https', async () => {
    const client = await signInDemoClient();
    expect(client.lastSetCookie).toMatch(/; Secure/i);
    expect((await client.ok('{ me { email profile { displayName } } }')).me).toEqual({ email: 'klant@demo.kluis.test', profile: { displayName: 'Anna van Dijk' } });
  });

  it('fills the demo office with dossiers in several statuses, a document in each tab, a message thread and an open questionnaire', async () => {
    const client = await signInDemoClient();
    const { dossiers } = await client.ok('{ dossiers { edges { node { number status progress { done total } counts { correspondence { total } documents { total } provided { total } messages { total unread } } } } } }');
    const levering = dossiers.edges.find((e: any) => e.node.number === '2026.0142').node;
    expect(levering).toMatchObject({ status: 'IN_PROGRESS', progress: { done: 2, total: 5 }, counts: { correspondence: { total: 2 }, documents: { total: 1 }, provided: { total: 1 }, messages: { total: 2, unread: 1 } } });
    expect(dossiers.edges.map((e: any) => e.node.status)).toContain('COMPLETED');
    const { home, actions } = await client.ok('{ home { openActions } actions { title status pages { title } } }');
    expect(home.openActions).toBe(1);
    expect(actions).toMatchObject([{ title: 'Intake levering woning', status: 'OPEN' }]);
  });

  it('writes e-mail to the outbox as .eml when no SMTP server is configured', async () => {
    await new Client(server).ok('mutation { requestPasswordLink(email: "klant@demo.kluis.test") }');
    const emls = () => outbox().filter((f) => f.endsWith('.eml')).map((f) => fs.readFileSync(path.join(server.dataDir, 'outbox', f), 'utf8'));
    await expect.poll(() => emls().some((eml) => /https:\/\/portaal\.example\.nl\/set-password\?token=/.test(eml))).toBe(true);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const idle = await signInDemoClient();
    const sessions = server.db.getRepository(Session);
    const latest = async () => (await sessions.find({ order: { createdAt: 'DESC' }, take: 1 }))[0]!;
    await sessions.update((await latest()).id, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect((await idle.ok('{ me { id } }')).me).toBeNull();

    const old = await signInDemoClient();
    await sessions.update((await latest()).id, { expiresAt: new Date(Date.now() - 1000) });
    expect((await old.ok('{ me { id } }')).me).toBeNull();
  });

  it('limits SMS codes per account per hour', async () => {
    const client = new Client(server);
    await client.ok(SIGN_IN, { email: 'bedrijf@demo.kluis.test', password: DEMO_PASSWORD });
    for (let i = 0; i < 5; i++) await client.ok('mutation { sendSignInSmsCode }');
    const limited = errorOf(await client.gql('mutation { sendSignInSmsCode }'));
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.retryAfterSeconds).toBeGreaterThan(3000);
  });
});
