import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IsNull, Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Mailer } from '../../src/mail/mailer.js';
import { OutboxItem } from '../../src/outbox/outbox.entity.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { Sealer } from '../../src/security/secrets.js';
import { startServer } from '../../src/server.js';
import { SmsSender } from '../../src/sms/sms-sender.js';
import { onboardWithTotp, invite, PASSWORD } from '../accounts/onboarding.js';
import { Client, SET_PASSWORD } from '../client.js';
import { startSmtp, startVonageFake } from '../fakes.js';
import { createTestDatabase, startTestServer, type TestServer } from '../server.js';

// E-mail and SMS go through a transactional outbox (issue 9, item 6): written with
// the change that causes them, retried with backoff, sent once, and never for a
// change that rolled back.

const ADMIN = 'notaris@kantoor.test';
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }';
let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let vonage: Awaited<ReturnType<typeof startVonageFake>>;
let admin: Client;

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const items = () => server.db.getRepository(OutboxItem).find({ order: { createdAt: 'ASC' } });
const pending = async () => (await items()).filter((i) => i.dueAt !== null);

beforeAll(async () => {
  smtp = await startSmtp();
  vonage = await startVonageFake();
  server = await startTestServer({ SMTP_URL: smtp.url, ...vonage.env, BOOTSTRAP_ADMIN_EMAIL: ADMIN, OUTBOX_RETRY_SECONDS: '1', NOTIFY_BATCH_SECONDS: '0' });
  ({ client: admin } = await onboardWithTotp(server, smtp, ADMIN));
  // What onboarding sent is out before a test takes SMTP down: each test's pending items are its own.
  for (const until = Date.now() + 10_000; (await pending()).length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await vonage?.close();
});

describe('outbox', () => {
  it('keeps an invitation while SMTP is down, retries with backoff, and sends it once when SMTP is back', async () => {
    smtp.state.down = true;
    await invite(admin, { email: 'wacht@example.nl' });
    await expect.poll(async () => (await pending())[0]?.attempts ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const [waiting] = await pending();
    expect(waiting!.lastError).toMatch(/421/);
    expect(waiting!.dueAt!.getTime()).toBeGreaterThan(Date.now() - 100);
    expect(mailsTo('wacht@example.nl')).toHaveLength(0);

    smtp.state.down = false;
    const mail = await smtp.waitFor('wacht@example.nl');
    // The provider has it; the bookkeeping follows a moment later.
    await expect.poll(async () => (await pending()).length).toBe(0);
    const settled = await server.db.getRepository(OutboxItem).findOneByOrFail({ id: waiting!.id });
    expect(settled).toMatchObject({ dueAt: null, payload: null, failedAt: null });
    expect(settled.sentAt).toBeInstanceOf(Date);
    expect(mail.raw).toMatch(new RegExp(`Message-ID: <${settled.id}@`, 'i'));
    expect(mailsTo('wacht@example.nl')).toHaveLength(1);
    // The link in it still works: nothing was lost on the way.
    expect((await new Client(server).ok(SET_PASSWORD, { token: mail.token, password: PASSWORD })).setPassword.step).toBe('ACCEPT_TERMS');
  });

  it('keeps an SMS code while Vonage answers 500, and delivers it once, still valid, with the outbox id as client-ref', async () => {
    await invite(admin, { email: 'sms@example.nl' });
    const client = new Client(server);
    await client.ok(SET_PASSWORD, { token: (await smtp.waitFor('sms@example.nl')).token, password: PASSWORD });
    const { portal } = await client.ok('{ portal { termsVersion } }');
    await client.ok('mutation ($v: String!) { acceptTerms(version: $v) { step } }', { v: portal.termsVersion });

    vonage.state.down = true;
    const before = vonage.state.attempts;
    expect((await client.ok('mutation { startSmsEnrollment(phone: "06 2222 3333") }')).startSmsEnrollment).toBe(true);
    await expect.poll(() => vonage.state.attempts - before, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(vonage.sent.filter((s) => s.to === '31622223333')).toHaveLength(0);

    vonage.state.down = false;
    const code = await vonage.codeFor('+31622223333');
    expect((await client.ok('mutation ($c: String!) { confirmSmsEnrollment(code: $c) { step } }', { c: code })).confirmSmsEnrollment.step).toBe('COMPLETE_PROFILE');
    const sent = vonage.sent.filter((s) => s.to === '31622223333');
    expect(sent).toHaveLength(1);
    await expect.poll(async () => (await server.db.getRepository(OutboxItem).findOneByOrFail({ id: sent[0]!.clientRef! })).sentAt).toBeInstanceOf(Date);
  });

  it('sends no signal for a message whose transaction rolled back: three racing sends with one key give one message and one e-mail', async () => {
    const clientId = (await invite(admin, { email: 'race@example.nl' })).id;
    const { client } = await onboardWithTotp(server, smtp, 'race@example.nl');
    const adminId = (await admin.ok('{ me { id } }')).me.id;
    const dossierId = (await admin.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input: { number: 'OB-1', description: 'Outbox', clientIds: [clientId], handlerId: adminId } }))
      .createDossier.id;
    const signalsBefore = mailsTo(ADMIN).length;
    const input = { dossierId, subject: 'Eén keer', body: 'Dit bericht komt één keer aan.', idempotencyKey: 'race-1' };
    const results = await Promise.all([1, 2, 3].map(() => client.ok(SEND, { input })));
    expect(new Set(results.map((r) => r.sendMessage.id)).size).toBe(1);
    await smtp.waitFor(ADMIN, signalsBefore + 1);
    await expect.poll(async () => (await pending()).length).toBe(0);
    expect(mailsTo(ADMIN)).toHaveLength(signalsBefore + 1);
  });

  it('gives up on an address the mail server refuses for good (550) instead of retrying it forever', async () => {
    smtp.state.refused.add('bestaat-niet@example.nl');
    const before = smtp.state.attempts;
    await invite(admin, { email: 'bestaat-niet@example.nl' });
    await expect.poll(async () => (await items()).some((i) => i.failedAt), { timeout: 10_000 }).toBe(true);
    const failed = (await items()).find((i) => i.failedAt)!;
    expect(failed).toMatchObject({ attempts: 1, dueAt: null, payload: null });
    expect(failed.lastError).toMatch(/550/);
    expect(smtp.state.attempts - before).toBe(1);
  });

  describe('dispatchers', () => {
    const content = (n: number) => ({ subject: `Signaal ${n}`, text: `Er staat iets nieuws klaar (${n}).`, html: `<p>Er staat iets nieuws klaar (${n}).</p>` });
    let dispatchers: Outbox[];

    beforeAll(() => {
      // Two more dispatchers on the same database, as two more server processes would run.
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir, SMTP_URL: smtp.url });
      const make = () => new Outbox(server.db, Sealer.fromConfig(undefined, server.dataDir, []), new Mailer(config), new SmsSender(config), { retryBaseMs: 1000, pollMs: 60_000 }, 'kantoor.test');
      dispatchers = [make(), make()];
    });
    afterAll(() => Promise.all(dispatchers.map((d) => d.close())));

    it('writes nothing and sends nothing when the transaction rolls back', async () => {
      const [outbox] = dispatchers;
      await expect(
        server.db.transaction(async (manager) => {
          await outbox!.mail(manager, 'teruggedraaid@example.nl', content(0));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await Promise.all(dispatchers.map((d) => d.drain()));
      expect(await pending()).toHaveLength(0);
      expect(mailsTo('teruggedraaid@example.nl')).toHaveLength(0);
    });

    it('sends each item once when several dispatchers drain at the same moment', async () => {
      await server.db.transaction(async (manager) => {
        for (let n = 1; n <= 12; n++) await dispatchers[0]!.mail(manager, `ontvanger${n}@example.nl`, content(n));
      });
      await Promise.all(dispatchers.map((d) => d.drain()));
      await expect.poll(async () => (await pending()).length).toBe(0);
      for (let n = 1; n <= 12; n++) expect(mailsTo(`ontvanger${n}@example.nl`), `ontvanger${n}`).toHaveLength(1);
    });

    it('lets a batch window collapse repeated signals into one e-mail', async () => {
      await server.db.transaction(async (manager) => {
        for (let n = 0; n < 3; n++) await dispatchers[0]!.mail(manager, 'batch@example.nl', content(n), { delayMs: 0, dedupeKey: 'newDocuments:batch' });
      });
      await Promise.all(dispatchers.map((d) => d.drain()));
      await expect.poll(async () => (await pending()).length).toBe(0);
      expect(mailsTo('batch@example.nl')).toHaveLength(1);
      // Once sent, the key is free again: the next publication is a new signal.
      await server.db.transaction((manager) => dispatchers[0]!.mail(manager, 'batch@example.nl', content(4), { dedupeKey: 'newDocuments:batch' }));
      await smtp.waitFor('batch@example.nl', 2);
    });
  });
});

describe('outbox across a restart', () => {
  it('sends what a stopped server left in the outbox when the next one starts', async () => {
    const mail = await startSmtp();
    const database = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-outbox-'));
    const env = { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'silent', SMTP_URL: mail.url, BOOTSTRAP_ADMIN_EMAIL: 'eerste@kantoor.test', OUTBOX_RETRY_SECONDS: '1', ...database.env };
    try {
      mail.state.down = true;
      const first = await startServer(loadConfig(env));
      await expect.poll(() => mail.state.attempts, { timeout: 10_000 }).toBeGreaterThan(0);
      await first.close();
      expect(mail.mails).toHaveLength(0);

      mail.state.down = false;
      const second = await startServer(loadConfig(env));
      try {
        const invitation = await mail.waitFor('eerste@kantoor.test');
        expect(invitation.token).toBeTruthy();
        await expect.poll(() => second.db.getRepository(OutboxItem).countBy({ sentAt: Not(IsNull()) })).toBe(1);
        expect(mail.mails).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await mail.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
