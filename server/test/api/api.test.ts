import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken } from '../../src/modules/api-token/api-token.entity.js';
import { User } from '../../src/modules/user/user.entity.js';
import { Client, errorOf, postUpload } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { invite, onboardWithTotp, type Smtp } from '../accounts/onboarding.js';

// One portal in production mode: introspection is then closed to anyone but staff and tokens.
let server: TestServer;
let smtp: Smtp;
let admin: Client;
let staff: Client;
let anna: Client;
let bram: Client;
const ids: Record<string, string> = {};

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
const CREATE = 'mutation ($name: String!) { createApiToken(name: $name) { token apiToken { id name createdAt lastUsedAt } } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const asToken = (token: string, query: string, variables?: Record<string, unknown>) => server.gql(query, variables, { headers: bearer(token) });
const tokenRow = (id: string) => server.db.getRepository(ApiToken).findOneByOrFail({ id });
const createToken = async (client: Client, name: string) => (await client.ok(CREATE, { name })).createApiToken as { token: string; apiToken: { id: string; name: string; lastUsedAt: string | null } };

const publish = (headers: Record<string, string>, dossierId: string) =>
  postUpload(
    server.url,
    { query: 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id author { email } } }', variables: { input: { dossierId, category: 'CORRESPONDENCE', title: 'Akte', file: null } } },
    { 'variables.input.file': { name: 'akte.pdf', type: 'application/pdf', body: PDF } },
    { headers },
  );

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', NODE_ENV: 'production' });
  ({ client: admin } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  ids.staff = (await invite(admin, { email: 'medewerker@kantoor.test', role: 'STAFF' })).id;
  ids.anna = (await invite(admin, { email: 'anna@example.nl' })).id;
  ids.bram = (await invite(admin, { email: 'bram@example.nl' })).id;
  ({ client: staff } = await onboardWithTotp(server, smtp, 'medewerker@kantoor.test'));
  ({ client: anna } = await onboardWithTotp(server, smtp, 'anna@example.nl'));
  ({ client: bram } = await onboardWithTotp(server, smtp, 'bram@example.nl'));
  const create = async (input: Record<string, unknown>) => (await admin.ok('mutation ($input: CreateDossierInput!) { createDossier(input: $input) { id } }', { input })).createDossier.id;
  ids.annaDossier = await create({ number: '2026.0142', description: 'Levering woning', clientIds: [ids.anna] });
  ids.bramDossier = await create({ number: '2026.0143', description: 'Testament', clientIds: [ids.bram] });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('API tokens', () => {
  it('are shown once, at creation, and stored only as a hash', async () => {
    const created = await createToken(staff, '  Koppeling boekhouding ');
    expect(created.token).toMatch(/^kluis_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ name: 'Koppeling boekhouding', lastUsedAt: null });
    expect((await staff.ok('{ apiTokens { id name } }')).apiTokens).toEqual([{ id: created.apiToken.id, name: 'Koppeling boekhouding' }]);
    const fields = (await staff.ok('{ __type(name: "ApiToken") { fields { name } } }')).__type.fields.map((f: any) => f.name);
    expect(fields.sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    const row = await tokenRow(created.apiToken.id);
    expect(row.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const table = await server.db.query('SELECT * FROM api_token');
    expect(JSON.stringify(table)).not.toContain(created.token.slice('kluis_'.length));
  });

  it('act as their creator with Authorization: Bearer, for queries, uploads and downloads', async () => {
    const { token } = await createToken(staff, 'Integratie');
    expect(await asToken(token, '{ me { email role } }')).toEqual({ data: { me: { email: 'medewerker@kantoor.test', role: 'STAFF' } } });
    expect((await asToken(token, '{ users(role: CLIENT) { totalCount } }')).data.users.totalCount).toBe(2);
    const uploaded = await publish(bearer(token), ids.annaDossier);
    expect(uploaded.body.data.publishDocument.author.email).toBe('medewerker@kantoor.test');
    const download = await fetch(`${server.url}/files/${uploaded.body.data.publishDocument.id}`, { headers: bearer(token) });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('need no preflight header for a JSON request, as curl sends it', async () => {
    const { token } = await createToken(staff, 'curl');
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...bearer(token) }, body: JSON.stringify({ query: '{ me { email } }' }) });
    expect([res.status, await res.json()]).toEqual([200, { data: { me: { email: 'medewerker@kantoor.test' } } }]);
  });

  it('keep lastUsedAt, written at most once a minute', async () => {
    const { token, apiToken } = await createToken(staff, 'Gebruik');
    const before = Date.now();
    await asToken(token, '{ me { id } }');
    const first = (await tokenRow(apiToken.id)).lastUsedAt!;
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await asToken(token, '{ me { id } }');
    expect((await tokenRow(apiToken.id)).lastUsedAt!.getTime()).toBe(first.getTime());
    await server.db.getRepository(ApiToken).update(apiToken.id, { lastUsedAt: new Date(Date.now() - 2 * 60_000) });
    await asToken(token, '{ me { id } }');
    expect((await tokenRow(apiToken.id)).lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const listed = (await staff.ok('{ apiTokens { id lastUsedAt } }')).apiTokens.find((t: any) => t.id === apiToken.id);
    expect(new Date(listed.lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('stop working the moment they are revoked', async () => {
    const { token, apiToken } = await createToken(staff, 'Kortstondig');
    expect((await asToken(token, '{ me { email } }')).data.me.email).toBe('medewerker@kantoor.test');
    expect((await staff.ok('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id })).revokeApiToken).toBe(true);
    expect(await asToken(token, '{ me { email } }')).toEqual({ data: { me: null } });
    expect(errorOf(await asToken(token, '{ users { totalCount } }'))?.code).toBe('UNAUTHENTICATED');
    expect((await staff.ok('{ apiTokens { id } }')).apiTokens).not.toContainEqual({ id: apiToken.id });
    expect((await staff.ok('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id })).revokeApiToken).toBe(true);
    const events = (await admin.ok('{ auditEvents(action: "API_TOKEN_REVOKED") { edges { node { subjectId actor { email } } } } }')).auditEvents.edges;
    expect(events).toContainEqual({ node: { subjectId: apiToken.id, actor: { email: 'medewerker@kantoor.test' } } });
  });

  it("should not let anyone see or revoke another staff member's token", async () => {
    const { token, apiToken } = await createToken(staff, 'Van de medewerker');
    expect((await admin.ok('{ apiTokens { id } }')).apiTokens).not.toContainEqual({ id: apiToken.id });
    const other = errorOf(await admin.gql('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id }));
    const unknown = errorOf(await admin.gql('mutation ($id: ID!) { revokeApiToken(id: $id) }', { id: '00000000-0000-4000-8000-000000000000' }));
    expect(other).toEqual(unknown);
    expect(other?.code).toBe('NOT_FOUND');
    expect((await asToken(token, '{ me { email } }')).data.me.email).toBe('medewerker@kantoor.test');
  });

  it('stop working when their creator is removed', async () => {
    ids.leaver = (await invite(admin, { email: 'vertrekker@kantoor.test', role: 'STAFF' })).id;
    const { client: leaver } = await onboardWithTotp(server, smtp, 'vertrekker@kantoor.test');
    const { token } = await createToken(leaver, 'Script');
    expect((await asToken(token, '{ me { email } }')).data.me.email).toBe('vertrekker@kantoor.test');
    await server.db.getRepository(User).update(ids.leaver, { removedAt: new Date() });
    expect(await asToken(token, '{ me { email } }')).toEqual({ data: { me: null } });
    expect(errorOf(await asToken(token, '{ dossiers { totalCount } }'))?.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.url}/graphiql`, { headers: bearer(token), redirect: 'manual' })).status).toBe(302);
  });

  it('cannot be created or listed by a client, nor created by a token', async () => {
    expect(errorOf(await anna.gql(CREATE, { name: 'Mijn script' }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await anna.gql('{ apiTokens { id } }'))?.code).toBe('FORBIDDEN');
    expect(errorOf(await anna.gql('mutation { revokeApiToken(id: "x") }'))?.code).toBe('FORBIDDEN');
    expect(errorOf(await new Client(server).gql(CREATE, { name: 'x' }))?.code).toBe('UNAUTHENTICATED');
    const { token } = await createToken(staff, 'Geen nieuwe');
    expect(errorOf(await asToken(token, CREATE, { name: 'Kind' }))?.code).toBe('FORBIDDEN');
    expect(await server.db.getRepository(ApiToken).countBy({ name: 'Kind' })).toBe(0);
  });

  it('need a name of at most 100 characters', async () => {
    expect(errorOf(await staff.gql(CREATE, { name: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(errorOf(await staff.gql(CREATE, { name: 'x'.repeat(101) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await createToken(staff, 'x'.repeat(100))).apiToken.name).toHaveLength(100);
  });

  it('decide alone when sent: a wrong token is nobody, even beside a valid session cookie', async () => {
    const res = await server.gql('{ me { email } }', {}, { cookie: staff.cookie, headers: { authorization: 'Bearer kluis_wrong' } });
    expect(res).toEqual({ data: { me: null } });
    expect(await server.gql('{ me { email } }', {}, { headers: { authorization: 'Basic abc' } })).toEqual({ data: { me: null } });
  });
});

describe('audit trail', () => {
  beforeAll(async () => {
    const { body } = await publish({ cookie: staff.cookie }, ids.annaDossier);
    ids.doc = body.data.publishDocument.id;
    for (const client of [anna, staff]) expect((await fetch(`${server.url}/files/${ids.doc}`, { headers: { cookie: client.cookie } })).status).toBe(200);
    await publish({ cookie: staff.cookie }, ids.bramDossier);
  });

  const EVENTS = 'query ($d: ID, $a: String, $first: Int, $after: String) { auditEvents(dossierId: $d, action: $a, first: $first, after: $after) { totalCount edges { cursor node { id action dossierId subjectId actor { email } } } pageInfo { hasNextPage endCursor } } }';

  it('shows staff every event, filtered by dossier and by action', async () => {
    const officeEvents = (await staff.ok(EVENTS, { a: 'INVITATION_SENT', first: 100 })).auditEvents;
    expect(officeEvents.totalCount).toBeGreaterThanOrEqual(4);
    expect(officeEvents.edges.every((e: any) => e.node.action === 'INVITATION_SENT' && e.node.dossierId === null)).toBe(true);
    expect((await staff.ok(EVENTS, { first: 100 })).auditEvents.edges.some((e: any) => e.node.dossierId === ids.bramDossier)).toBe(true);
    const anna_ = (await staff.ok(EVENTS, { d: ids.annaDossier, first: 100 })).auditEvents;
    expect(anna_.edges.every((e: any) => e.node.dossierId === ids.annaDossier)).toBe(true);
    const downloads = (await staff.ok(EVENTS, { d: ids.annaDossier, a: 'DOCUMENT_DOWNLOADED' })).auditEvents;
    expect(downloads.edges.filter((e: any) => e.node.subjectId === ids.doc).map((e: any) => e.node.actor.email).sort()).toEqual(['anna@example.nl', 'medewerker@kantoor.test']);
    expect(downloads.edges.every((e: any) => e.node.action === 'DOCUMENT_DOWNLOADED')).toBe(true);
    expect(errorOf(await staff.gql(EVENTS, { a: 'downloaded; drop' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
  });

  it('pages with cursors, newest first, without gaps or repeats', async () => {
    const all = (await staff.ok(EVENTS, { d: ids.annaDossier, first: 100 })).auditEvents;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await staff.ok(EVENTS, { d: ids.annaDossier, first: 2, after })).auditEvents;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    expect(errorOf(await staff.gql(EVENTS, { after: 'rommel' }))?.field).toBe('after');
  });

  it("shows a client only the events of their own dossiers, such as who at the office downloaded what", async () => {
    const mine = (await anna.ok(EVENTS, { first: 100 })).auditEvents;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.edges.every((e: any) => e.node.dossierId === ids.annaDossier)).toBe(true);
    expect(mine.edges).toContainEqual(expect.objectContaining({ node: expect.objectContaining({ action: 'DOCUMENT_DOWNLOADED', subjectId: ids.doc, actor: { email: 'medewerker@kantoor.test' } }) }));
    expect(mine.edges.some((e: any) => e.node.action === 'INVITATION_SENT')).toBe(false);
    expect((await anna.ok(EVENTS, { d: ids.bramDossier })).auditEvents.totalCount).toBe(0);
    const bramsView = (await bram.ok(EVENTS, { first: 100 })).auditEvents;
    expect(bramsView.edges.every((e: any) => e.node.dossierId === ids.bramDossier)).toBe(true);
    expect((await bram.ok(EVENTS, { d: ids.annaDossier })).auditEvents.totalCount).toBe(0);
    expect(errorOf(await new Client(server).gql(EVENTS, {}))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('introspection in production', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const TYPE = 'query { dossiers { totalCount } t: __type(name: "User") { name } }';

  it('answers nobody but staff and tokens', async () => {
    for (const caller of [new Client(server), anna]) {
      for (const query of [SCHEMA, TYPE]) {
        const res = await caller.gql(query);
        expect(res.data).toBeUndefined();
        expect(errorOf(res)?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    }
    expect((await anna.ok('{ __typename }')).__typename).toBe('Query');
    expect((await staff.ok(SCHEMA)).__schema.queryType.name).toBe('Query');
    const { token } = await createToken(staff, 'IDE');
    expect((await asToken(token, SCHEMA)).data.__schema.queryType.name).toBe('Query');
  });

  it('gives anonymous callers and clients no "did you mean" hints, staff do get them', async () => {
    for (const caller of [new Client(server), anna]) {
      const res = await caller.gql('{ portl { name } }');
      expect(res.errors?.[0]?.message).toBe('Cannot query field "portl" on type "Query".');
    }
    const res = await server.gql('query ($r: Role) { users(role: $r) { totalCount } }', { r: 'STAF' });
    expect(res.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect((await staff.gql('{ portl { name } }')).errors?.[0]?.message).toMatch(/Did you mean "portal"\?/);
  });
});

describe('/graphiql', () => {
  const open = (headers: Record<string, string> = {}) => fetch(`${server.url}/graphiql`, { headers, redirect: 'manual' });

  it('sends anonymous visitors and clients to the sign-in page', async () => {
    for (const headers of [{}, { authorization: 'Bearer kluis_wrong' }] as Record<string, string>[]) {
      const res = await open(headers);
      expect([res.status, res.headers.get('location')]).toEqual([302, '/sign-in?returnTo=%2Fgraphiql']);
    }
    const client = await open({ cookie: anna.cookie });
    expect([client.status, client.headers.get('location')]).toEqual([302, '/sign-in']);
    expect((await fetch(`${server.url}/graphiql/kluis-init.js`, { headers: { cookie: anna.cookie }, redirect: 'manual' })).status).toBe(302);
  });

  it('serves the IDE to staff, by session or token, with every asset from the portal itself', async () => {
    const { token } = await createToken(staff, 'Browser');
    for (const headers of [{ cookie: staff.cookie }, bearer(token)]) {
      const res = await open(headers);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/https?:|wss?:|\*/);
      const html = await res.text();
      const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) {
        expect(url).not.toMatch(/^(https?:)?\/\//);
        expect((await fetch(new URL(url, `${server.url}/graphiql/`), { headers })).status, url).toBe(200);
      }
    }
  });

  it('opens with the daily staff tasks, their ids taken from the portal', async () => {
    const init = await (await fetch(`${server.url}/graphiql/kluis-init.js`, { headers: { cookie: staff.cookie } })).text();
    for (const operation of ['query StartHere', 'mutation InviteClient', 'mutation CreateDossier', 'mutation PublishDocument', 'mutation SendMessage', 'mutation SendQuestionnaire', 'query AuditTrail', 'subscription UnreadCounts']) {
      expect(init).toContain(operation);
    }
    expect(init).toContain(ids.bramDossier);
    expect(init).toContain(ids.bram);
  });
});
