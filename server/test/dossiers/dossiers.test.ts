import { createHash } from 'node:crypto';
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
let anna: Client;
let bram: Client;
let company: Client;
let companyExtra: Client;
let otherCompany: Client;
let removedExtra: Client;
const ids: Record<string, string> = {};

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

/** A GraphQL multipart request (the spec the PWA and integrators use). */
const upload = (client: Client, query: string, variables: Record<string, unknown>, files: Record<string, UploadFile>) => postUpload(server.url, { query, variables }, files, { cookie: client.cookie });

const PUBLISH = `mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id title fileName mimeType size sha256 category read downloadUrl author { email } } }`;
const publish = (dossierId: string, title: string, body = PDF, name = 'akte.pdf', category = 'CORRESPONDENCE') =>
  upload(staff, PUBLISH, { input: { dossierId, category, title, file: null } }, { 'variables.input.file': { name, type: 'image/png', body } });

const DOSSIER = `query ($id: ID!) { dossier(id: $id) { id number progress { done total steps { title done } } counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } documents(category: CORRESPONDENCE) { totalCount edges { node { id read title } } } } }`;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', MAX_UPLOAD_MB: '1', NOTIFY_BATCH_SECONDS: '1' });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  const people = [
    ['anna@example.nl', {}],
    ['bram@example.nl', {}],
    ['directie@bedrijf.nl', { accountKind: 'COMPANY', companyName: 'Bedrijf B.V.' }],
    ['ander@concurrent.nl', { accountKind: 'COMPANY', companyName: 'Concurrent B.V.' }],
  ] as const;
  for (const [email, extra] of people) ids[email] = (await invite(staff, { email, ...extra })).id;
  ({ client: anna } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  ({ client: company } = await onboardWithTotp(server, smtp, 'directie@bedrijf.nl'));
  ({ client: otherCompany } = await onboardWithTotp(server, smtp, 'ander@concurrent.nl'));
  for (const email of ['boekhouding@bedrijf.nl', 'vertrokken@bedrijf.nl']) {
    ids[email] = (await company.ok('mutation ($e: String!) { addExtraAccount(input: { email: $e }) { id } }', { e: email })).addExtraAccount.id;
  }
  ({ client: companyExtra } = await onboardWithTotp(server, smtp, 'boekhouding@bedrijf.nl'));
  ({ client: removedExtra } = await onboardWithTotp(server, smtp, 'vertrokken@bedrijf.nl'));

  const create = async (input: Record<string, unknown>) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.annaDossier = await create({ number: '2026.0142', description: 'Levering woning Dorpsstraat 1', clientIds: [ids['anna@example.nl']], progressSteps: ['Intake', 'Concept akte', 'Passeren'] });
  ids.companyDossier = await create({ number: '2026.0200', description: 'Statutenwijziging Bedrijf B.V.', status: 'ON_HOLD', clientIds: [ids['directie@bedrijf.nl']] });
  ids.bramDossier = await create({ number: '2025.0999', description: 'Testament Bram', status: 'COMPLETED', clientIds: [ids['bram@example.nl']] });
  await company.ok('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: ids['vertrokken@bedrijf.nl'] });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('dossiers', () => {
  it('lists what the viewer may see, with case-insensitive search and a status filter', async () => {
    const list = async (client: Client, args = '') => (await client.ok(`{ dossiers${args} { totalCount edges { node { number } } } }`)).dossiers;
    expect((await list(staff)).totalCount).toBe(3);
    expect(await list(anna)).toEqual({ totalCount: 1, edges: [{ node: { number: '2026.0142' } }] });
    expect((await list(staff, '(search: "DORPSSTRAAT")')).edges).toEqual([{ node: { number: '2026.0142' } }]);
    expect((await list(staff, '(search: "2026.")')).totalCount).toBe(2);
    expect((await list(staff, '(search: "%")')).totalCount).toBe(0);
    expect((await list(staff, '(statuses: [ON_HOLD, COMPLETED])')).edges.map((e: any) => e.node.number).sort()).toEqual(['2025.0999', '2026.0200']);
    expect(errorOf(await staff.gql('{ dossiers(first: 1000) { totalCount } }'))?.field).toBe('first');
  });

  it('pages with stable cursors', async () => {
    const first = (await staff.ok('{ dossiers(first: 2) { edges { cursor node { number } } pageInfo { hasNextPage endCursor } } }')).dossiers;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await staff.ok('query ($after: String) { dossiers(first: 2, after: $after) { edges { node { number } } pageInfo { hasNextPage } } }', { after: first.pageInfo.endCursor })).dossiers;
    const numbers = [...first.edges, ...rest.edges].map((e: any) => e.node.number);
    expect(new Set(numbers).size).toBe(3);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    // Each edge's cursor pages from that edge on; the last one is the page's end cursor.
    expect(first.edges[1].cursor).toBe(first.pageInfo.endCursor);
    const afterFirst = (await staff.ok('query ($after: String) { dossiers(first: 1, after: $after) { edges { node { number } } } }', { after: first.edges[0].cursor })).dossiers;
    expect(afterFirst.edges.map((e: any) => e.node.number)).toEqual([first.edges[1].node.number]);
    expect(errorOf(await staff.gql('{ dossiers(after: "rommel") { totalCount } }'))?.field).toBe('after');
  });

  it('refuses a duplicate number and unknown clients with the field named', async () => {
    expect(errorOf(await staff.gql('mutation { createDossier(input: { number: "2026.0142", description: "x" }) { id } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(errorOf(await staff.gql(`mutation { createDossier(input: { number: "n", description: "x", clientIds: ["${ids.annaDossier}"] }) { id } }`))?.field).toBe('userId');
    expect(errorOf(await staff.gql('mutation { createDossier(input: { number: " ", description: "x" }) { id } }'))?.field).toBe('number');
  });

  it('shows the home tiles and the single dossier to open directly', async () => {
    expect((await anna.ok('{ home { dossiersInProgress dossiersTotal openActions singleDossierId } }')).home).toEqual({
      dossiersInProgress: 1,
      dossiersTotal: 1,
      openActions: 0,
      singleDossierId: ids.annaDossier,
    });
    expect((await staff.ok('{ home { dossiersInProgress dossiersTotal singleDossierId } }')).home).toEqual({ dossiersInProgress: 1, dossiersTotal: 3, singleDossierId: null });
  });

  it('keeps an ordered progress checklist, shown as (done/total)', async () => {
    let progress = (await anna.ok(DOSSIER, { id: ids.annaDossier })).dossier.progress;
    expect(progress).toMatchObject({ done: 0, total: 3, steps: [{ title: 'Intake' }, { title: 'Concept akte' }, { title: 'Passeren' }] });
    const stepId = (await staff.ok('query ($id: ID!) { dossier(id: $id) { progress { steps { id } } } }', { id: ids.annaDossier })).dossier.progress.steps[0].id;
    expect((await staff.ok('mutation ($id: ID!) { setProgressStepDone(stepId: $id, done: true) { done doneAt } }', { id: stepId })).setProgressStepDone.done).toBe(true);
    progress = (await anna.ok(DOSSIER, { id: ids.annaDossier })).dossier.progress;
    expect([progress.done, progress.total]).toEqual([1, 3]);
    await staff.ok('mutation ($id: ID!) { setProgressSteps(dossierId: $id, steps: [{ title: "Intake", done: true }, { title: "Concept akte" }, { title: "Ondertekening" }, { title: "Passeren" }]) { id } }', {
      id: ids.annaDossier,
    });
    progress = (await anna.ok(DOSSIER, { id: ids.annaDossier })).dossier.progress;
    expect(progress.steps.map((s: any) => [s.title, s.done])).toEqual([['Intake', true], ['Concept akte', false], ['Ondertekening', false], ['Passeren', false]]);
    expect(errorOf(await anna.gql('mutation ($id: ID!) { setProgressStepDone(stepId: $id, done: false) { done } }', { id: stepId }))?.code).toBe('FORBIDDEN');
  });

  it('lets a company extra account see its company dossier, and staff see the participants', async () => {
    expect((await companyExtra.ok('{ dossiers { edges { node { number } } } }')).dossiers.edges).toEqual([{ node: { number: '2026.0200' } }]);
    const participants = (await staff.ok('query ($id: ID!) { dossier(id: $id) { participants { email } } }', { id: ids.companyDossier })).dossier.participants;
    expect(participants.map((p: any) => p.email)).toEqual(['directie@bedrijf.nl', 'boekhouding@bedrijf.nl']);
    expect(errorOf(await company.gql('query ($id: ID!) { dossier(id: $id) { participants { email } } }', { id: ids.companyDossier }))?.code).toBe('FORBIDDEN');
  });
});

describe('documents', () => {
  it('stores an upload under a generated name, hashing it and sniffing its type', async () => {
    const malformed = await publish(ids.annaDossier, 'Conceptakte', PDF, 'akte\u0007.pdf');
    expect(malformed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const { body } = await publish(ids.annaDossier, 'Conceptakte', PDF, '..\\..\\<script>akte.pdf');
    const doc = body.data.publishDocument;
    expect(doc).toMatchObject({ title: 'Conceptakte', category: 'CORRESPONDENCE', mimeType: 'application/pdf', size: PDF.length, read: true, author: { email: 'notaris@kantoor.test' } });
    expect(doc.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(doc.fileName).toBe('scriptakte.pdf');
    expect(doc.downloadUrl).toMatch(new RegExp(`^http://localhost:\\d+/files/${doc.id}$`));
    const stored = fs.readdirSync(path.join(server.dataDir, 'files'), { recursive: true }).map(String);
    expect(stored.some((f) => f.endsWith(doc.id))).toBe(false);
    expect(stored.some((f) => f.includes('akte'))).toBe(false);
    ids.doc = doc.id;
  });

  it('counts it unread for the client until downloaded, then serves the bytes with safe headers', async () => {
    let dossier = (await anna.ok(DOSSIER, { id: ids.annaDossier })).dossier;
    expect(dossier.counts.correspondence).toEqual({ total: 1, unread: 1 });
    expect(dossier.documents.edges).toEqual([{ node: { id: ids.doc, read: false, title: 'Conceptakte' } }]);
    expect((await anna.ok('{ home { unreadTotal } }')).home.unreadTotal).toBe(1);
    const res = await fetch(`${server.url}/files/${ids.doc}`, { headers: { cookie: anna.cookie } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=scriptakte.pdf');
    dossier = (await anna.ok(DOSSIER, { id: ids.annaDossier })).dossier;
    expect(dossier.counts.correspondence).toEqual({ total: 1, unread: 0 });
    expect((await anna.ok('{ home { unreadTotal } }')).home.unreadTotal).toBe(0);
    const events = (await anna.ok('query ($id: ID) { auditEvents(dossierId: $id, action: "DOCUMENT_DOWNLOADED") { totalCount edges { node { action actor { email } } } } }', { id: ids.annaDossier })).auditEvents;
    expect(events.edges[0].node).toEqual({ action: 'DOCUMENT_DOWNLOADED', actor: { email: 'anna@example.nl' } });
  });

  it('names non-ASCII files with an RFC 6266 filename*', async () => {
    const { body } = await publish(ids.annaDossier, 'Brief', Buffer.from('Geachte heer,\n'), 'brief één.txt', 'DOCUMENT');
    expect(body.data.publishDocument.mimeType).toBe('text/plain');
    await markRead(anna, body.data.publishDocument.id);
    const res = await fetch(body.data.publishDocument.downloadUrl.replace(/^http:\/\/localhost:\d+/, server.url), { headers: { cookie: anna.cookie } });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="brief ??n.txt"; filename*=UTF-8''brief%20%C3%A9%C3%A9n.txt`);
  });

  it('sends the clients one content-free e-mail for publications close together', async () => {
    const before = smtp.mails.filter((m) => m.to.includes('directie@bedrijf.nl')).length;
    await publish(ids.companyDossier, 'Statuten concept 1');
    await publish(ids.companyDossier, 'Statuten concept 2');
    const mail = await smtp.waitFor('directie@bedrijf.nl', before + 1);
    expect(mail.raw).toContain('2026.0200');
    expect(mail.raw).not.toContain('Statuten concept');
    await smtp.waitFor('boekhouding@bedrijf.nl', 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mails.filter((m) => m.to.includes('directie@bedrijf.nl')).length).toBe(before + 1);
    expect(smtp.mails.some((m) => m.to.includes('vertrokken@bedrijf.nl') && m.raw.includes('2026.0200'))).toBe(false);
  });

  it('refuses a file over MAX_UPLOAD_MB and keeps neither row nor file', async () => {
    const filesBefore = fs.readdirSync(path.join(server.dataDir, 'files'), { recursive: true }).length;
    const { body } = await publish(ids.annaDossier, 'Te groot', Buffer.alloc(1024 * 1024 + 10, 0x41), 'groot.txt');
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await staff.ok(DOSSIER, { id: ids.annaDossier })).dossier.documents.totalCount).toBe(1);
    expect(fs.readdirSync(path.join(server.dataDir, 'files'), { recursive: true }).length).toBe(filesBefore);
  });

  it('refuses PROVIDED from staff and a missing title', async () => {
    expect((await publish(ids.annaDossier, 'x', PDF, 'a.pdf', 'PROVIDED')).body.errors[0].extensions.field).toBe('category');
    expect((await publish(ids.annaDossier, '  ')).body.errors[0].extensions.field).toBe('title');
  });
});

const markRead = (client: Client, id: string) => client.gql('mutation ($id: ID!) { markDocumentRead(id: $id) { id read } }', { id });

describe('access', () => {
  const outsiders = () => ({ 'another client': bram, 'another company': otherCompany, 'a removed extra account': removedExtra, 'a signed-out caller': new Client(server) });

  it.each(['another client', 'another company', 'a removed extra account', 'a signed-out caller'] as const)('gives %s nothing of a dossier and its documents', async (who) => {
    const client = outsiders()[who];
    const dossier = await client.gql(DOSSIER, { id: ids.annaDossier });
    const signedOut = who === 'a signed-out caller' || who === 'a removed extra account';
    if (signedOut) expect(errorOf(dossier)?.code).toBe('UNAUTHENTICATED');
    else expect(dossier).toEqual({ data: { dossier: null } });
    const read = errorOf(await markRead(client, ids.doc));
    expect(read?.code).toBe(signedOut ? 'UNAUTHENTICATED' : 'NOT_FOUND');
    const missing = errorOf(await markRead(client, '00000000-0000-4000-8000-000000000000'));
    expect(missing).toEqual(read);
    const download = await fetch(`${server.url}/files/${ids.doc}`, { headers: { cookie: client.cookie } });
    const nothing = await fetch(`${server.url}/files/00000000-0000-4000-8000-000000000000`, { headers: { cookie: client.cookie } });
    expect([download.status, await download.text()]).toEqual([nothing.status, await nothing.text()]);
    expect(download.status).toBe(404);
    if (!signedOut) {
      const events = (await client.ok('query ($id: ID) { auditEvents(dossierId: $id) { totalCount } }', { id: ids.annaDossier })).auditEvents;
      expect(events.totalCount).toBe(0);
      expect((await client.ok('{ dossiers { edges { node { id } } } }')).dossiers.edges).not.toContainEqual({ node: { id: ids.annaDossier } });
    }
  });

  it('answers FORBIDDEN to a client calling staff operations', async () => {
    for (const op of [
      `mutation { createDossier(input: { number: "x", description: "y" }) { id } }`,
      `mutation { updateDossier(id: "${ids.annaDossier}", input: { status: COMPLETED }) { id } }`,
      `mutation { grantDossierAccess(dossierId: "${ids.companyDossier}", userId: "${ids['anna@example.nl']}") { id } }`,
      `mutation { revokeDossierAccess(dossierId: "${ids.annaDossier}", userId: "${ids['anna@example.nl']}") { id } }`,
      `mutation { setProgressSteps(dossierId: "${ids.annaDossier}", steps: []) { id } }`,
    ]) {
      expect(errorOf(await anna.gql(op))?.code, op).toBe('FORBIDDEN');
    }
    expect((await publish(ids.annaDossier, 'x')).status).toBe(200);
    const asClient = await upload(anna, PUBLISH, { input: { dossierId: ids.annaDossier, category: 'DOCUMENT', title: 't', file: null } }, { 'variables.input.file': { name: 'a.pdf', type: 'application/pdf', body: PDF } });
    expect(asClient.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('takes access away at once when it is revoked', async () => {
    await staff.ok('mutation ($d: ID!, $u: ID!) { grantDossierAccess(dossierId: $d, userId: $u) { id } }', { d: ids.bramDossier, u: ids['anna@example.nl'] });
    expect((await anna.ok('{ home { dossiersTotal singleDossierId } }')).home).toEqual({ dossiersTotal: 2, singleDossierId: null });
    await staff.ok('mutation ($d: ID!, $u: ID!) { revokeDossierAccess(dossierId: $d, userId: $u) { id } }', { d: ids.bramDossier, u: ids['anna@example.nl'] });
    expect((await anna.ok('query ($id: ID!) { dossier(id: $id) { id } }', { id: ids.bramDossier })).dossier).toBeNull();
  });
});

describe('efficiency', () => {
  it('costs the same number of SQL statements for a page of 5 dossiers as for 50', async () => {
    for (let i = 0; i < 50; i++) {
      await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', {
        input: { number: `2027.${String(i).padStart(4, '0')}`, description: `Bulk ${i}`, clientIds: [ids['bram@example.nl']], progressSteps: ['Een', 'Twee'] },
      });
    }
    const page = `query ($n: Int) { dossiers(first: $n) { totalCount edges { node { number status progress { done total steps { title } } counts { correspondence { total unread } documents { total unread } provided { total unread } } handler { email } } } } }`;
    const once = async (n: number) => {
      const logger = server.db.logger;
      let count = 0;
      const counting = Object.create(logger, { logQuery: { value: () => count++ } });
      (server.db as { logger: unknown }).logger = counting;
      try {
        const res = await bram.ok(page, { n });
        expect(res.dossiers.edges).toHaveLength(n);
      } finally {
        (server.db as { logger: unknown }).logger = logger;
      }
      return count;
    };
    // The fewest of three: the outbox's poll and the session's once-a-minute touch may fall into any request.
    const statements = async (n: number) => Math.min(await once(n), await once(n), await once(n));
    const five = await statements(5);
    expect(five).toBeGreaterThan(0);
    expect(await statements(50)).toBe(five);
  });
});

describe('the office counts', () => {
  it('stay exact through new dossiers and status changes made at the same time', async () => {
    const statuses = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED'];
    const created = await Promise.all(
      statuses.map(async (status, i) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input: { number: `T-${i}`, description: 'Telling', status } })).createDossier.id),
    );
    const move = (id: string, status: string) => staff.ok('mutation ($id: ID!, $input: UpdateDossierInput!) { updateDossier(id: $id, input: $input) { status } }', { id, input: { status } });
    // Each to the next status and back to its own, and two dossiers crossing each other.
    await Promise.all(created.map((id, i) => move(id, statuses[(i + 1) % 4])));
    await Promise.all([...created.map((id, i) => move(id, statuses[i])), move(created[0], statuses[0]), move(ids.companyDossier, 'CANCELLED'), move(ids.bramDossier, 'ON_HOLD')]);

    const all = (await staff.ok('{ dossiers(first: 100) { totalCount edges { node { status } } } }')).dossiers;
    const having = (status: string) => all.edges.filter((e: any) => e.node.status === status).length;
    expect(all.totalCount).toBe(all.edges.length);
    for (const status of statuses) expect((await staff.ok(`{ dossiers(statuses: [${status}, ${status}]) { totalCount } }`)).dossiers.totalCount).toBe(having(status));
    expect((await staff.ok('{ dossiers(statuses: [ON_HOLD, CANCELLED]) { totalCount } }')).dossiers.totalCount).toBe(having('ON_HOLD') + having('CANCELLED'));
    expect((await staff.ok('{ home { dossiersInProgress dossiersTotal } }')).home).toEqual({ dossiersInProgress: having('IN_PROGRESS'), dossiersTotal: all.edges.length });
    expect((await staff.ok('{ dossiers(search: "telling", statuses: [ON_HOLD]) { totalCount } }')).dossiers.totalCount).toBe(1);
  });

  it('keep every tally exact, through publications too', async () => {
    await expectExactTallies(server.db);
  });
});
