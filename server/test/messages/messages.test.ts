import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, errorOf, postUpload, type UploadFile } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { expectExactTallies } from '../tally.js';

let server: TestServer;
let smtp: Smtp;
let staff: Client;
let colleague: Client;
let anna: Client;
let bram: Client;
const ids: Record<string, string> = {};

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(256, 1)]);

const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id subject body direction read automatic createdAt author { email } replyTo { id subject } attachments { id fileName category mimeType } } }`;
const MESSAGES = `query ($id: ID!) { dossier(id: $id) { counts { messages { total unread } provided { total unread } } messages { totalCount edges { node { id subject direction read automatic replyTo { id } attachments { fileName } } } } } }`;

const sendWithFiles = (client: Client, input: Record<string, unknown>, files: UploadFile[]) =>
  postUpload(server.url, { query: SEND, variables: { input: { ...input, attachments: files.map(() => null) } } }, Object.fromEntries(files.map((f, i) => [`variables.input.attachments.${i}`, f])), { cookie: client.cookie });

const storedFiles = () => {
  const dir = path.join(server.dataDir, 'files');
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [e.name])) : []);
  return walk(dir).length;
};

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', MAX_UPLOAD_MB: '1', NOTIFY_BATCH_SECONDS: '1' });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  ids.notaris = (await staff.ok('{ me { id } }')).me.id;
  ids.colleague = (await invite(staff, { email: 'collega@kantoor.test', role: 'STAFF' })).id;
  ids.anna = (await invite(staff, { email: 'anna@example.nl' })).id;
  ids.bram = (await invite(staff, { email: 'bram@example.nl' })).id;
  ({ client: colleague } = await onboardWithTotp(server, smtp, 'collega@kantoor.test'));
  ({ client: anna } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  const create = async (input: Record<string, unknown>) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.annaDossier = await create({ number: '2026.0142', description: 'Levering woning', clientIds: [ids.anna], handlerId: ids.notaris });
  ids.bramDossier = await create({ number: '2026.0143', description: 'Testament', clientIds: [ids.bram] });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('messages', () => {
  it('counts characters, not bytes: 4,000 "é" fit, 4,001 and a 201-character subject are refused by field', async () => {
    const body = 'é'.repeat(4000);
    const sent = (await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'ë'.repeat(200), body } })).sendMessage;
    expect(sent.body).toBe(body);
    expect(sent.direction).toBe('OUTGOING');
    const tooLong = errorOf(await anna.gql(SEND, { input: { dossierId: ids.annaDossier, subject: 'Vraag', body: body + 'é' } }));
    expect(tooLong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await anna.gql(SEND, { input: { dossierId: ids.annaDossier, subject: 'x'.repeat(201), body: 'Hallo' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
    expect(errorOf(await anna.gql(SEND, { input: { dossierId: ids.annaDossier, subject: '   ', body: 'Hallo' } }))).toMatchObject({ field: 'subject' });
    expect(errorOf(await anna.gql(SEND, { input: { dossierId: ids.annaDossier, subject: 'Vraag', body: '' } }))).toMatchObject({ field: 'body' });
    const emoji = '😀'.repeat(4000);
    expect((await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Emoji', body: emoji } })).sendMessage.body).toBe(emoji);
  });

  it("shows the message to the office as incoming and unread, and marks it read per user", async () => {
    const { id } = (await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Leesstatus', body: 'Is de akte klaar?' } })).sendMessage;
    const seen = async (client: Client) => (await client.ok(MESSAGES, { id: ids.annaDossier })).dossier.messages.edges.find((e: any) => e.node.id === id).node;
    expect(await seen(staff)).toMatchObject({ direction: 'INCOMING', read: false });
    const unreadBefore = (await staff.ok(MESSAGES, { id: ids.annaDossier })).dossier.counts.messages.unread;
    expect((await staff.ok('mutation ($id: ID!) { markMessageRead(id: $id) { id read } }', { id })).markMessageRead).toEqual({ id, read: true });
    expect((await staff.ok(MESSAGES, { id: ids.annaDossier })).dossier.counts.messages.unread).toBe(unreadBefore - 1);
    expect(await seen(colleague)).toMatchObject({ read: false });
    const events = (await staff.ok('query ($d: ID!) { auditEvents(dossierId: $d) { edges { node { action } } } }', { d: ids.annaDossier })).auditEvents.edges.map((e: any) => e.node.action);
    expect(events).toContain('MESSAGE_READ');
    expect(events).toContain('MESSAGE_SENT');
  });

  it('keeps replies inside their dossier', async () => {
    const original = (await staff.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Concept akte', body: 'Bijgaand het concept.' } })).sendMessage;
    const reply = (await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Re: Concept akte', body: 'Akkoord.', replyToId: original.id } })).sendMessage;
    expect(reply.replyTo).toEqual({ id: original.id, subject: 'Concept akte' });
    const bramMessage = (await staff.ok(SEND, { input: { dossierId: ids.bramDossier, subject: 'Testament', body: 'Graag uw reactie.' } })).sendMessage;
    expect(errorOf(await staff.gql(SEND, { input: { dossierId: ids.annaDossier, subject: 'Re', body: 'x', replyToId: bramMessage.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'replyToId' });
  });

  it("turns a client's attachments into PROVIDED documents and lists staff attachments with the message only", async () => {
    const before = (await anna.ok(MESSAGES, { id: ids.annaDossier })).dossier.counts.provided.total;
    const res = await sendWithFiles(anna, { dossierId: ids.annaDossier, subject: 'Stukken', body: 'Zie bijlagen' }, [
      { name: 'paspoort.pdf', type: 'application/pdf', body: PDF },
      { name: 'foto.png', type: 'image/png', body: PNG },
    ]);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.sendMessage.attachments.map((a: any) => [a.fileName, a.category, a.mimeType])).toEqual([
      ['paspoort.pdf', 'PROVIDED', 'application/pdf'],
      ['foto.png', 'PROVIDED', 'image/png'],
    ]);
    const provided = (await anna.ok(`query ($id: ID!) { dossier(id: $id) { counts { provided { total } } documents(category: PROVIDED) { edges { node { fileName } } } } }`, { id: ids.annaDossier })).dossier;
    expect(provided.counts.provided.total).toBe(before + 2);
    expect(provided.documents.edges.map((e: any) => e.node.fileName)).toEqual(expect.arrayContaining(['paspoort.pdf', 'foto.png']));

    const fromOffice = await sendWithFiles(staff, { dossierId: ids.annaDossier, subject: 'Concept', body: 'Zie bijlage' }, [{ name: 'concept.pdf', type: 'application/pdf', body: PDF }]);
    expect(fromOffice.body.data.sendMessage.attachments).toHaveLength(1);
    const tabs = (await anna.ok(`query ($id: ID!) { dossier(id: $id) { documents(category: CORRESPONDENCE) { edges { node { fileName } } } } }`, { id: ids.annaDossier })).dossier;
    expect(tabs.documents.edges.map((e: any) => e.node.fileName)).not.toContain('concept.pdf');
    const download = await fetch(`${server.url}/files/${fromOffice.body.data.sendMessage.attachments[0].id}`, { headers: { cookie: anna.cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('takes attachments in any order the request sends them, and answers a refused message without storing its files', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(600_000, 0x20)]);
    // The second part of the request is the first attachment: the first part waits until it is buffered.
    const reversed = await postUpload(
      server.url,
      { query: SEND, variables: { input: { dossierId: ids.annaDossier, subject: 'Omgekeerd', body: 'x', attachments: [null, null] } } },
      { 'variables.input.attachments.1': { name: 'tweede.pdf', type: 'application/pdf', body: big }, 'variables.input.attachments.0': { name: 'eerste.png', type: 'image/png', body: PNG } },
      { cookie: anna.cookie },
    );
    expect(reversed.body.errors).toBeUndefined();
    const attachments = reversed.body.data.sendMessage.attachments;
    expect(attachments.map((a: any) => [a.fileName, a.mimeType])).toEqual([['eerste.png', 'image/png'], ['tweede.pdf', 'application/pdf']]);
    const download = await fetch(`${server.url}/files/${attachments[1].id}`, { headers: { cookie: anna.cookie } });
    expect(Buffer.from(await download.arrayBuffer()).equals(big)).toBe(true);

    const filesBefore = storedFiles();
    const refused = await sendWithFiles(anna, { dossierId: ids.annaDossier, subject: 'Te lang', body: 'x'.repeat(4001) }, [
      { name: 'a.pdf', type: 'application/pdf', body: big },
      { name: 'b.pdf', type: 'application/pdf', body: big },
    ]);
    expect(errorOf(refused.body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(storedFiles()).toBe(filesBefore);
  });

  it('saves a message and its attachments all or nothing, leaving no file behind', async () => {
    const count = async () => (await staff.ok(MESSAGES, { id: ids.annaDossier })).dossier.messages.totalCount;
    const [messagesBefore, filesBefore] = [await count(), storedFiles()];
    const res = await sendWithFiles(anna, { dossierId: ids.annaDossier, subject: 'Te groot', body: 'Twee bijlagen' }, [
      { name: 'klein.pdf', type: 'application/pdf', body: PDF },
      { name: 'groot.pdf', type: 'application/pdf', body: Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)]) },
    ]);
    expect(res.status === 413 || errorOf(res.body)?.code === 'PAYLOAD_TOO_LARGE').toBe(true);
    const disguised = await sendWithFiles(anna, { dossierId: ids.annaDossier, subject: 'Vermomd', body: 'x' }, [
      { name: 'ok.pdf', type: 'application/pdf', body: PDF },
      { name: 'factuur.pdf', type: 'application/pdf', body: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    expect(errorOf(disguised.body)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await count()).toBe(messagesBefore);
    expect(storedFiles()).toBe(filesBefore);
  });

  it('answers a retry with the first message, also when both requests arrive at once, and refuses a reused key', async () => {
    const input = { dossierId: ids.annaDossier, subject: 'Eenmalig', body: 'Eén keer versturen', idempotencyKey: 'c0ffee-1' };
    const [a, b, c] = await Promise.all([anna.ok(SEND, { input }), anna.ok(SEND, { input }), anna.ok(SEND, { input })]);
    expect(new Set([a.sendMessage.id, b.sendMessage.id, c.sendMessage.id]).size).toBe(1);
    expect((await anna.ok(SEND, { input })).sendMessage.id).toBe(a.sendMessage.id);
    const list = (await anna.ok(MESSAGES, { id: ids.annaDossier })).dossier.messages.edges.filter((e: any) => e.node.subject === 'Eenmalig');
    expect(list).toHaveLength(1);
    expect(errorOf(await anna.gql(SEND, { input: { ...input, body: 'Iets anders' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    // Keys belong to their user: Bram may use the same one.
    expect((await bram.ok(SEND, { input: { ...input, dossierId: ids.bramDossier } })).sendMessage.id).not.toBe(a.sendMessage.id);
  });

  it("answers a client's message once per thread per day while the handler is away", async () => {
    await staff.ok('mutation { setAbsence(input: { enabled: true, message: "Ik ben afwezig tot maandag." }) { id } }');
    try {
      const first = (await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Vakantie?', body: 'Bent u er?' } })).sendMessage;
      await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Re: Vakantie?', body: 'Nog een vraag', replyToId: first.id } });
      const auto = (await anna.ok(MESSAGES, { id: ids.annaDossier })).dossier.messages.edges.map((e: any) => e.node).filter((m: any) => m.automatic);
      expect(auto).toHaveLength(1);
      expect(auto[0]).toMatchObject({ direction: 'INCOMING', subject: 'Re: Vakantie?', replyTo: { id: first.id } });
    } finally {
      await staff.ok('mutation { setAbsence(input: { enabled: false }) { id } }');
    }
    // A client who is away answers the office the same way, also without e-mail about messages; an ended absence does not.
    await bram.ok('mutation ($u: DateTime!) { setAbsence(input: { enabled: true, message: "Op reis", until: $u }) { id } }', { u: new Date(Date.now() + 86_400_000).toISOString() });
    await bram.ok('mutation { updateNotificationPreferences(input: { newMessages: false }) { id } }');
    await staff.ok(SEND, { input: { dossierId: ids.bramDossier, subject: 'Afspraak', body: 'Past dinsdag?' } });
    const bramAuto = (await staff.ok(MESSAGES, { id: ids.bramDossier })).dossier.messages.edges.map((e: any) => e.node).filter((m: any) => m.automatic);
    expect(bramAuto).toMatchObject([{ direction: 'INCOMING', subject: 'Re: Afspraak' }]);
    await bram.ok('mutation { updateNotificationPreferences(input: { newMessages: true }) { id } }');
    await bram.ok('mutation { setAbsence(input: { enabled: false }) { id } }');
    await staff.ok(SEND, { input: { dossierId: ids.bramDossier, subject: 'Nieuw onderwerp', body: 'Nog iets' } });
    expect((await staff.ok(MESSAGES, { id: ids.bramDossier })).dossier.messages.edges.filter((e: any) => e.node.automatic)).toHaveLength(1);
  });

  it('signals by e-mail without subject or body, to the handler and to clients who want it', async () => {
    const secret = 'Geheime inhoud 7f3a';
    const annaMails = smtp.mails.filter((m) => m.to.includes('anna@example.nl')).length;
    await staff.ok(SEND, { input: { dossierId: ids.annaDossier, subject: `Onderwerp ${secret}`, body: `Tekst ${secret}` } });
    const mail = await smtp.waitFor('anna@example.nl', annaMails + 1);
    expect(mail.raw).toContain('2026.0142');
    expect(mail.raw).toContain(`/dossiers/${ids.annaDossier}`);
    expect(mail.raw).not.toContain(secret);

    const handlerMails = smtp.mails.filter((m) => m.to.includes('notaris@kantoor.test')).length;
    const colleagueMails = smtp.mails.filter((m) => m.to.includes('collega@kantoor.test')).length;
    await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: secret, body: secret } });
    const toHandler = await smtp.waitFor('notaris@kantoor.test', handlerMails + 1);
    expect(toHandler.raw).not.toContain(secret);
    // Bram's dossier has no handler: every staff member hears of it.
    await bram.ok(SEND, { input: { dossierId: ids.bramDossier, subject: 'Vraag', body: 'Hallo' } });
    await smtp.waitFor('collega@kantoor.test', colleagueMails + 1);

    await anna.ok('mutation { updateNotificationPreferences(input: { newMessages: false }) { id } }');
    const afterOptOut = smtp.mails.filter((m) => m.to.includes('anna@example.nl')).length;
    await staff.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Stil', body: 'Geen mail' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes('anna@example.nl')).length).toBe(afterOptOut);
  });

  it('gives outsiders the same not-found answer as for a message that does not exist', async () => {
    const { id } = (await staff.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Privé', body: 'Alleen voor Anna' } })).sendMessage;
    const missing = errorOf(await bram.gql('mutation { markMessageRead(id: "00000000-0000-4000-8000-000000000000") { id } }'));
    expect(missing?.code).toBe('NOT_FOUND');
    expect(errorOf(await bram.gql('mutation ($id: ID!) { markMessageRead(id: $id) { id } }', { id }))).toEqual(missing);
    expect(errorOf(await bram.gql(SEND, { input: { dossierId: ids.annaDossier, subject: 'Inbraak', body: 'x' } }))?.code).toBe('NOT_FOUND');
    expect(errorOf(await bram.gql(SEND, { input: { dossierId: ids.bramDossier, subject: 'Re', body: 'x', replyToId: id } }))).toMatchObject({ field: 'replyToId' });
    // A client sees who wrote, not how the office's staff sign in.
    const author = (await anna.ok(`query ($id: ID!) { dossier(id: $id) { messages(first: 1) { edges { node { author { email secondFactors maskedPhone } } } } } }`, { id: ids.annaDossier })).dossier.messages.edges[0].node.author;
    expect(author).toEqual({ email: 'notaris@kantoor.test', secondFactors: [], maskedPhone: null });
    expect((await staff.ok('{ me { secondFactors } }')).me.secondFactors).toContain('TOTP');
    const anonymous = new Client(server);
    expect(errorOf(await anonymous.gql('mutation ($id: ID!) { markMessageRead(id: $id) { id } }', { id }))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the tallies', () => {
  it('stay exact through messages from both sides, attachments and absence replies', async () => {
    await expectExactTallies(server.db);
  });
});
