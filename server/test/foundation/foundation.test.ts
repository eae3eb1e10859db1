import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { unguardedOperations } from '../../src/graphql/auth.js';
import { startTestServer, type TestServer } from '../server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PORTAL_NAME: 'Notariskantoor De Vries & Zn.', MAX_UPLOAD_MB: '1' });
});
afterAll(() => server?.close());

describe('portal', () => {
  it('answers before sign-in with the office name, terms, languages and upload limits', async () => {
    const res = await server.gql('{ portal { name requireSecondFactor termsVersion termsText languages maxUploadMb maxUploadFiles } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.portal).toMatchObject({ name: 'Notariskantoor De Vries & Zn.', requireSecondFactor: true, termsVersion: '2026-11-01', languages: ['NL', 'EN'], maxUploadMb: 1, maxUploadFiles: 10 });
    expect(res.data.portal.termsText).toContain('Gebruiksvoorwaarden');
  });

  it('serves the terms file the office edits, with a new version after an edit', async () => {
    const termsFile = `${server.dataDir}/terms.md`;
    fs.writeFileSync(termsFile, 'version: 2027-01\n---\nNieuwe voorwaarden.\n');
    fs.utimesSync(termsFile, new Date(), new Date(Date.now() + 5000));
    const res = await server.gql('{ portal { termsVersion termsText } }');
    expect(res.data.portal).toEqual({ termsVersion: '2027-01', termsText: 'Nieuwe voorwaarden.' });
  });
});

describe('http', () => {
  it('is live and ready while the database answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the built app shell compressed, and API answers as they are', async () => {
    const shell = await (await fetch(`${server.url}/sign-in`)).text();
    const entry = /<script[^>]*src="([^"]+\.js)"/.exec(shell)?.[1];
    expect(entry, 'the PWA is built (npm run build)').toBeTruthy();
    const script = await fetch(`${server.url}${entry}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect([script.status, script.headers.get('content-encoding'), script.headers.get('cache-control')]).toEqual([200, 'br', 'public, max-age=31536000, immutable']);
    expect(await script.text()).toBe(fs.readFileSync(new URL(`../../../pwa/dist${entry}`, import.meta.url), 'utf8'));
    const api = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' }, body: JSON.stringify({ query: '{ __schema { types { name description } } }' }) });
    expect([api.status, api.headers.get('content-encoding'), (await api.text()).length > 4096]).toEqual([200, null, true]);
  });

  it("names the portal in a page of the app, so the shell need not ask, but not in the service worker's copy", async () => {
    const page = await fetch(`${server.url}/dossiers/123`);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    const html = await page.text();
    expect(html).toContain('<title>Notariskantoor De Vries &#38; Zn.</title>');
    expect(html).toContain('<meta name="application-name" content="Notariskantoor De Vries &#38; Zn." />');
    const copy = await (await fetch(`${server.url}/index.html`)).text();
    expect(copy).toBe(fs.readFileSync(new URL('../../../pwa/dist/index.html', import.meta.url), 'utf8'));
    expect(copy).not.toContain('application-name');
  });

  it('blocks a simple (CSRF-able) request without a preflight header', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ portal { name } }"}' });
    expect(res.status).toBe(400);
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ portal { name } }' }));
    form.set('map', '{}');
    expect((await fetch(`${server.url}/graphql`, { method: 'POST', body: form })).status).toBe(400);
  });

  it('accepts a multipart request with the preflight header', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ portal { name } }' }));
    form.set('map', '{}');
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'Apollo-Require-Preflight': 'true' } });
    expect(await res.json()).toEqual({ data: { portal: { name: 'Notariskantoor De Vries & Zn.' } } });
  });

  it('refuses an upload over MAX_UPLOAD_MB x 10 files with 413 before reading it', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: 'query ($f: Upload) { portal { name } }', variables: { f: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob([new Uint8Array(12 * 1024 * 1024)]), 'big.pdf');
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'Apollo-Require-Preflight': 'true' } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses more than 10 files in one request with 413', async () => {
    const form = new FormData();
    const map: Record<string, string[]> = {};
    for (let i = 0; i < 11; i++) map[i] = [`variables.f.${i}`];
    form.set('operations', JSON.stringify({ query: '{ portal { name } }', variables: { f: Array(11).fill(null) } }));
    form.set('map', JSON.stringify(map));
    for (let i = 0; i < 11; i++) form.set(String(i), new Blob(['x']), `f${i}.txt`);
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'Apollo-Require-Preflight': 'true' } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ portal { name } }' }, { query: '{ portal { name } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('does not serve a CDN-hosted landing page on /graphql', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/apollographql\.com|cdn\./);
  });
});

describe('subscriptions socket', () => {
  it('refuses an anonymous graphql-ws connection', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(4403);
  });
});

describe('authorization', () => {
  it('leaves no root operation public by accident', () => {
    expect(unguardedOperations()).toEqual([]);
  });
});
