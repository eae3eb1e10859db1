import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server.js';

/**
 * The GraphQL over HTTP spec's server audits (graphql-http), against a started
 * portal, as an anonymous integrator would call it. Every MUST passes; the SHOULD
 * audits that fail, and why, are listed in docs/api.md and pinned here, so a
 * change either way is noticed.
 */
const KNOWN_SHOULD_FAILURES = {
  // Apollo Server answers 400 to a request that cannot run (parse or validation error), whatever the Accept header;
  // the spec's legacy application/json rules would have 200.
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
} as Record<string, string>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const audits = serverAudits({ url: () => `${server.url}/graphql` });

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.id, a.name, a] as const))('%s %s', async (_id, _name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });

  it('fails only the SHOULD audits that docs/api.md lists', async () => {
    const failed: Record<string, string> = {};
    for (const audit of audits.filter((a) => a.name.startsWith('SHOULD'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed[audit.id] = audit.name;
    }
    expect(failed).toEqual(KNOWN_SHOULD_FAILURES);
  });
});
