import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, SIGN_IN, postUpload } from '../client.js';
import { smsCodeFromOutbox } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed.js';

// The demo office, as `npm start` makes it: the demo staff member opens /graphiql and runs its examples as they are.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true' });
});
afterAll(() => server?.close());

async function signInDemo(email: string) {
  const client = new Client(server);
  await client.ok(SIGN_IN, { email, password: DEMO_PASSWORD });
  const code = await smsCodeFromOutbox(server.dataDir, () => client.ok('mutation { sendSignInSmsCode }'));
  expect((await client.ok('mutation ($c: String!) { verifySecondFactor(method: SMS, code: $c) { step } }', { c: code })).verifySecondFactor.step).toBe('DONE');
  return client;
}

interface Example {
  initialName: string;
  initialQuery: string;
  initialVariables: string;
}

async function examples(client: Client): Promise<Example[]> {
  const res = await fetch(`${server.url}/graphiql/kluis-init.js`, { headers: { cookie: client.cookie } });
  expect(res.status).toBe(200);
  const script = await res.text();
  return JSON.parse(/^const options = (.*);$/m.exec(script)![1]!).initialWindows;
}

function run(client: Client, query: string, operationName: string, variables: Record<string, unknown>) {
  return fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: client.cookie }, body: JSON.stringify({ query, operationName, variables }) }).then((r) => r.json() as Promise<any>);
}

async function upload(client: Client, query: string, variables: Record<string, unknown>) {
  const pdf = { name: 'akte.pdf', type: 'application/pdf', body: '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n' };
  return (await postUpload(server.url, { query, variables: { ...variables, file: null } }, { 'variables.file': pdf }, { cookie: client.cookie })).body;
}

describe('the IDE on the demo data', () => {
  it('lets the demo staff member open /graphiql and run every example operation as it stands', async () => {
    for (const email of ['medewerker@demo.kluis.test', 'notaris@demo.kluis.test']) {
      const staff = await signInDemo(email);
      expect((await fetch(`${server.url}/graphiql`, { headers: { cookie: staff.cookie }, redirect: 'manual' })).status).toBe(200);
      const windows = await examples(staff);
      expect(windows.map((w) => w.initialName)).toEqual([
        '1. Start here',
        '2. Invite a client',
        '3. Create a dossier with steps',
        '4. Publish a document',
        '5. Send a message',
        '6. Send a questionnaire',
        '7. Read the audit trail',
        '8. Live unread counts',
        '9. API tokens',
      ]);
      if (email !== 'medewerker@demo.kluis.test') continue;
      let createdTokenId = '';
      for (const window of windows) {
        const variables = JSON.parse(window.initialVariables);
        for (const operation of parse(window.initialQuery).definitions as OperationDefinitionNode[]) {
          const name = operation.name!.value;
          if (operation.operation === 'subscription') continue; // the socket has its own tests
          if (name === 'RevokeApiToken') variables.id = createdTokenId; // "obtained by a previous example query"
          const res = name === 'PublishDocument' ? await upload(staff, window.initialQuery, variables) : await run(staff, window.initialQuery, name, variables);
          expect(res.errors, `${window.initialName}: ${name}`).toBeUndefined();
          if (name === 'CreateApiToken') createdTokenId = res.data.createApiToken.apiToken.id;
        }
      }
    }
  });

  it('shows the demo client who at the office read their documents', async () => {
    const client = await signInDemo('klant@demo.kluis.test');
    const events = (await client.ok('{ auditEvents(action: "DOCUMENT_READ") { edges { node { actor { email } } } } }')).auditEvents.edges;
    expect(events).toContainEqual({ node: { actor: { email: 'medewerker@demo.kluis.test' } } });
    expect((await fetch(`${server.url}/graphiql`, { headers: { cookie: client.cookie }, redirect: 'manual' })).headers.get('location')).toBe('/sign-in');
  });
});
