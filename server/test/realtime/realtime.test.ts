import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, SIGN_IN, errorOf, postUpload } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { PASSWORD, invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';
import { openSocket, settle, type Socket } from '../socket.js';

let server: TestServer;
let smtp: Smtp;
let staff: Client;
let colleague: Client;
let anna: Client;
let bram: Client;
let company: Client;
let companyExtra: Client;
const recoveryCodes: Record<string, string[]> = {};
const ids: Record<string, string> = {};
const sockets: Socket[] = [];

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(512, 0x20), Buffer.from('\n%%EOF\n')]);
const COUNTS = `subscription { unreadCountsChanged { dossierId openActions unreadTotal counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } }`;
const MESSAGES = `subscription ($d: ID!) { messageAdded(dossierId: $d) { id subject direction automatic author { email } dossier { id } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

async function publish(dossierId: string, title: string) {
  const { body } = await postUpload(
    server.url,
    { query: 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }', variables: { input: { dossierId, category: 'CORRESPONDENCE', title, file: null } } },
    { 'variables.input.file': { name: 'brief.pdf', type: 'application/pdf', body: PDF } },
    { cookie: staff.cookie },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.publishDocument.id as string;
}

/** A second browser of the same user: a session of its own. */
async function signInAgain(email: string) {
  const client = new Client(server);
  await client.ok(SIGN_IN, { email, password: PASSWORD });
  const { step } = (await client.ok('mutation ($c: String!) { verifySecondFactor(method: RECOVERY_CODE, code: $c) { step } }', { c: recoveryCodes[email]!.shift() })).verifySecondFactor;
  expect(step).toBe('DONE');
  return client;
}

function socketOf(client: Client) {
  const socket = openSocket(server.url, { cookie: client.cookie });
  sockets.push(socket);
  return socket;
}

const nothingMore = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', NOTIFY_BATCH_SECONDS: '3600' });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  ids.notaris = (await staff.ok('{ me { id } }')).me.id;
  await invite(staff, { email: 'collega@kantoor.test', role: 'STAFF' });
  for (const email of ['anna@example.nl', 'bram@example.nl']) ids[email] = (await invite(staff, { email })).id;
  ids.company = (await invite(staff, { email: 'directie@bedrijf.nl', accountKind: 'COMPANY', companyName: 'Bedrijf B.V.' })).id;
  ({ client: colleague } = await onboardWithTotp(server, smtp, 'collega@kantoor.test'));
  let codes: string[];
  ({ client: anna, recoveryCodes: codes } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  recoveryCodes['anna@example.nl'] = codes;
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  ({ client: company } = await onboardWithTotp(server, smtp, 'directie@bedrijf.nl'));
  ids.extra = (await company.ok('mutation { addExtraAccount(input: { email: "boekhouding@bedrijf.nl" }) { id } }')).addExtraAccount.id;
  ({ client: companyExtra } = await onboardWithTotp(server, smtp, 'boekhouding@bedrijf.nl'));
  const create = async (input: Record<string, unknown>) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.annaDossier = await create({ number: '2026.0301', description: 'Levering woning', clientIds: [ids['anna@example.nl']], handlerId: ids.notaris });
  ids.bramDossier = await create({ number: '2026.0302', description: 'Testament', clientIds: [ids['bram@example.nl']] });
  ids.companyDossier = await create({ number: '2026.0303', description: 'Statutenwijziging', clientIds: [ids.company] });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) void socket.client.dispose();
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('the socket', () => {
  it('refuses an anonymous socket, and one opened by a page on another site', async () => {
    expect((await openSocket(server.url).closed).code).toBe(4403);
    expect((await openSocket(server.url, { cookie: anna.cookie, origin: 'https://elders.example' }).closed).code).toBe(4403);
    const signingIn = new Client(server);
    await signingIn.ok(SIGN_IN, { email: 'anna@example.nl', password: PASSWORD });
    expect((await openSocket(server.url, { cookie: signingIn.cookie }).closed).code).toBe(4403);
  });

  it('accepts the session cookie and acts as that user', async () => {
    const socket = openSocket(server.url, { cookie: anna.cookie, origin: server.url });
    sockets.push(socket);
    await socket.connected;
    expect((await socket.execute('{ me { email } }')).data).toEqual({ me: { email: 'anna@example.nl' } });
  });
});

describe('an integration with an API token', () => {
  it('connects with the token as a connection parameter, and is closed once the token is revoked', { timeout: 40_000 }, async () => {
    const { token, apiToken } = (await staff.ok('mutation { createApiToken(name: "Koppeling") { token apiToken { id } } }')).createApiToken;
    const socket = openSocket(server.url, { connectionParams: { authorization: `Bearer ${token}` } });
    sockets.push(socket);
    expect((await socket.execute('{ me { email } }')).data).toEqual({ me: { email: 'notaris@kantoor.test' } });
    expect((await openSocket(server.url, { connectionParams: { authorization: 'Bearer kluis_wrong' } }).closed).code).toBe(4403);
    await staff.ok('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id });
    // No event tells of a revoked token: the periodic check of open sockets finds it.
    expect((await socket.closed).code).toBe(4401);
  });
});

describe('unreadCountsChanged', () => {
  it('pushes their own counts to everyone who can see the dossier when the office publishes a document', async () => {
    const [toAnna, toBram, toColleague, toCompany, toExtra] = [anna, bram, colleague, company, companyExtra].map((c) => socketOf(c).subscribe(COUNTS));
    await settle();
    await publish(ids.annaDossier, 'Concept akte');
    await expect.poll(() => toAnna.results.length).toBe(1);
    expect(toAnna.results[0]!.data!.unreadCountsChanged).toEqual({
      dossierId: ids.annaDossier,
      openActions: 0,
      unreadTotal: 1,
      counts: { correspondence: { total: 1, unread: 1 }, documents: { total: 0, unread: 0 }, provided: { total: 0, unread: 0 }, messages: { total: 0, unread: 0 } },
    });
    await expect.poll(() => toColleague.results.length).toBe(1);
    expect(toColleague.results[0]!.data!.unreadCountsChanged).toMatchObject({ dossierId: ids.annaDossier, counts: { correspondence: { total: 1, unread: 1 } } });

    await publish(ids.companyDossier, 'Statuten');
    for (const sub of [toCompany, toExtra]) {
      await expect.poll(() => sub.results.length).toBe(1);
      expect(sub.results[0]!.data!.unreadCountsChanged).toMatchObject({ dossierId: ids.companyDossier, unreadTotal: 1, counts: { correspondence: { unread: 1 } } });
    }
    await nothingMore();
    expect(toBram.results).toEqual([]);
    expect(toAnna.results).toHaveLength(1);
  });

  it('pushes when a message arrives, automatic absence replies included', async () => {
    await staff.ok('mutation { setAbsence(input: { enabled: true, message: "Ik ben afwezig tot maandag." }) { id } }');
    try {
      const annaSocket = socketOf(anna);
      const counts = annaSocket.subscribe(COUNTS);
      const toAnna = annaSocket.subscribe(MESSAGES, { d: ids.annaDossier });
      const toStaff = socketOf(staff).subscribe(MESSAGES, { d: ids.annaDossier });
      await settle();
      await anna.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Vraag', body: 'Wanneer passeren we?' } });
      await expect.poll(() => toStaff.results.length).toBe(2);
      expect(toStaff.results.map((r) => r.data!.messageAdded)).toMatchObject([
        { subject: 'Vraag', direction: 'INCOMING', automatic: false, author: { email: 'anna@example.nl' }, dossier: { id: ids.annaDossier } },
        { subject: 'Re: Vraag', direction: 'OUTGOING', automatic: true, author: { email: 'notaris@kantoor.test' } },
      ]);
      await expect.poll(() => toAnna.results.length).toBe(2);
      expect(toAnna.results.map((r) => [r.data!.messageAdded.direction, r.data!.messageAdded.automatic])).toEqual([
        ['OUTGOING', false],
        ['INCOMING', true],
      ]);
      await expect.poll(() => counts.results.at(-1)?.data?.unreadCountsChanged.counts.messages).toEqual({ total: 2, unread: 1 });
    } finally {
      await staff.ok('mutation { setAbsence(input: { enabled: false }) { id } }');
    }
  });

  it("follows the user's reading in another session", async () => {
    const counts = socketOf(anna).subscribe(COUNTS);
    const toColleague = socketOf(colleague).subscribe(COUNTS);
    await settle();
    const otherTab = await signInAgain('anna@example.nl');
    const dossier = (await otherTab.ok('query ($id: ID!) { dossier(id: $id) { documents(category: CORRESPONDENCE) { edges { node { id } } } messages { edges { node { id direction read } } } } }', { id: ids.annaDossier })).dossier;
    await otherTab.ok('mutation ($id: ID!) { markDocumentRead(id: $id) { id } }', { id: dossier.documents.edges[0].node.id });
    await expect.poll(() => counts.results.length).toBe(1);
    expect(counts.results[0]!.data!.unreadCountsChanged).toMatchObject({ dossierId: ids.annaDossier, unreadTotal: 1, counts: { correspondence: { total: 1, unread: 0 } } });
    const unread = dossier.messages.edges.find((e: any) => e.node.direction === 'INCOMING' && !e.node.read).node;
    await otherTab.ok('mutation ($id: ID!) { markMessageRead(id: $id) { id } }', { id: unread.id });
    await expect.poll(() => counts.results.length).toBe(2);
    expect(counts.results[1]!.data!.unreadCountsChanged).toMatchObject({ unreadTotal: 0, counts: { messages: { unread: 0 } } });
    await nothingMore();
    expect(toColleague.results).toEqual([]);
  });

  it('pushes open actions to a company and its extra account when a questionnaire is sent and when it is completed', async () => {
    const input = { title: 'Intake', pages: [{ title: 'Over u', questions: [{ id: 'naam', label: 'Naam', kind: 'TEXT', required: true }] }] };
    const template = (await staff.ok('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }', { input })).createQuestionnaireTemplate.id;
    const [toCompany, toExtra] = [company, companyExtra].map((c) => socketOf(c).subscribe(COUNTS));
    await settle();
    const request = (await staff.ok('mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id } }', { d: ids.companyDossier, t: template, a: ids.company })).sendQuestionnaire;
    for (const sub of [toCompany, toExtra]) await expect.poll(() => sub.results.at(-1)?.data?.unreadCountsChanged.openActions).toBe(1);
    await companyExtra.ok('mutation ($id: ID!, $a: [AnswerInput!]!) { saveQuestionnairePage(id: $id, page: 0, answers: $a) { id } }', { id: request.id, a: [{ questionId: 'naam', value: ['Bedrijf B.V.'] }] });
    await companyExtra.ok('mutation ($id: ID!) { completeQuestionnaire(id: $id) { id } }', { id: request.id });
    for (const sub of [toCompany, toExtra]) {
      await expect.poll(() => sub.results.at(-1)?.data?.unreadCountsChanged).toMatchObject({ dossierId: ids.companyDossier, openActions: 0, counts: { provided: { total: 1 } } });
    }
  });

  it('tells a client whose access is revoked their new totals, without the dossier', async () => {
    const counts = socketOf(bram).subscribe(COUNTS);
    await settle();
    await staff.ok('mutation ($d: ID!, $u: ID!) { grantDossierAccess(dossierId: $d, userId: $u) { id } }', { d: ids.annaDossier, u: ids['bram@example.nl'] });
    await expect.poll(() => counts.results.length).toBe(1);
    expect(counts.results[0]!.data!.unreadCountsChanged).toMatchObject({ dossierId: ids.annaDossier, unreadTotal: 2 });
    await staff.ok('mutation ($d: ID!, $u: ID!) { revokeDossierAccess(dossierId: $d, userId: $u) { id } }', { d: ids.annaDossier, u: ids['bram@example.nl'] });
    await expect.poll(() => counts.results.length).toBe(2);
    expect(counts.results[1]!.data!.unreadCountsChanged).toEqual({ dossierId: null, counts: null, openActions: 0, unreadTotal: 0 });
  });
});

describe('messageAdded', () => {
  it("answers for another client's dossier exactly as for one that does not exist, and delivers nothing of it", async () => {
    const socket = socketOf(bram);
    const foreign = socket.subscribe(MESSAGES, { d: ids.annaDossier });
    const missing = socket.subscribe(MESSAGES, { d: randomUUID() });
    await expect.poll(() => foreign.completed() && missing.completed()).toBe(true);
    expect(foreign.results).toHaveLength(1);
    expect(foreign.results[0]!.errors).toEqual(missing.results[0]!.errors);
    expect(errorOf(foreign.results[0] as any)?.code).toBe('NOT_FOUND');

    const own = socket.subscribe(MESSAGES, { d: ids.bramDossier });
    await settle();
    await staff.ok(SEND, { input: { dossierId: ids.annaDossier, subject: 'Voor Anna', body: 'Alleen voor Anna.' } });
    await staff.ok(SEND, { input: { dossierId: ids.bramDossier, subject: 'Voor Bram', body: 'Uw testament.' } });
    await expect.poll(() => own.results.length).toBe(1);
    expect(own.results[0]!.data!.messageAdded).toMatchObject({ subject: 'Voor Bram', direction: 'INCOMING' });
    await nothingMore();
    expect(own.results).toHaveLength(1);
  });
});

describe('limits on the socket', () => {
  const deep = `query ($id: ID!) { dossier(id: $id) { messages { edges { node { replyTo { replyTo { replyTo { replyTo { replyTo { replyTo { id } } } } } } } } } } }`;
  const aliased = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  const aliasedMutation = `mutation { ${Array.from({ length: 16 }, (_, i) => `a${i}: markMessageRead(id: "x") { id }`).join(' ')} }`;
  const long = `{ me { ${'id '.repeat(1000)}} }`;

  it.each([
    ['too deep', deep, 'GRAPHQL_VALIDATION_FAILED'],
    ['too many aliases', aliased, 'GRAPHQL_VALIDATION_FAILED'],
    ['a mutation with too many aliases', aliasedMutation, 'GRAPHQL_VALIDATION_FAILED'],
    ['too many tokens', long, 'GRAPHQL_PARSE_FAILED'],
  ])('refuses an operation %s over the socket exactly as over HTTP', async (_what, query, code) => {
    const socket = socketOf(anna);
    const overHttp = await anna.gql(query, { id: ids.annaDossier });
    expect(errorOf(overHttp)?.code).toBe(code);
    const overSocket = await socket.execute(query, { id: ids.annaDossier });
    expect(overSocket.errors).toEqual(overHttp.errors);
    expect(overSocket.data).toBeUndefined();
  });

  it('runs what stays inside the limits', async () => {
    const query = `query ($id: ID!) { dossier(id: $id) { messages { edges { node { replyTo { replyTo { id } } } } } } }`;
    expect((await socketOf(anna).execute(query, { id: ids.annaDossier })).errors).toBeUndefined();
  });
});

describe('when a session ends', () => {
  it('closes the socket of a session that signs out, and of the sessions a password change ends', async () => {
    const stays = socketOf(anna);
    const otherTab = await signInAgain('anna@example.nl');
    const leaving = socketOf(otherTab);
    await leaving.connected;
    await otherTab.ok('mutation { signOut }');
    expect(await leaving.closed).toEqual({ code: 4401, reason: 'Session ended' });

    const thirdTab = await signInAgain('anna@example.nl');
    const revoked = socketOf(thirdTab);
    await revoked.connected;
    await anna.ok('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: PASSWORD, n: 'Nieuw-Wachtwoord-43' });
    expect((await revoked.closed).code).toBe(4401);
    expect((await stays.execute('{ me { email } }')).data).toEqual({ me: { email: 'anna@example.nl' } });
  });

  it('checks the session again at every operation on an open socket', async () => {
    const socket = socketOf(bram);
    await socket.connected;
    // Ended behind the server's back (no event): the next operation finds out.
    await server.db.query(`UPDATE session SET revokedAt = createdAt WHERE userId = ?`, [ids['bram@example.nl']]);
    const result = await socket.execute('{ me { email } }').catch((err) => err);
    expect(result.data).toBeUndefined();
    expect((await socket.closed).code).toBe(4401);
  });

  it('closes the sockets of an extra account as the company removes it', async () => {
    const socket = socketOf(companyExtra);
    await socket.connected;
    await company.ok('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: ids.extra });
    // At once, not at the next session check (every 15 s).
    const stillOpen = new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000));
    expect(await Promise.race([socket.closed, stillOpen])).toEqual({ code: 4401, reason: 'Session ended' });
  });
});
