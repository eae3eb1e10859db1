import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server.js';

let plain: TestServer;
let https: TestServer;
beforeAll(async () => {
  plain = await startTestServer();
  https = await startTestServer({ PUBLIC_URL: 'https://portaal.example.nl' });
});
afterAll(async () => {
  await plain?.close();
  await https?.close();
});

describe('security headers', () => {
  it('sends a strict CSP without inline script, forbids framing and referrers', async () => {
    for (const path of ['/', '/dossiers', '/graphql?query=%7B__typename%7D', '/healthz']) {
      const res = await fetch(`${plain.url}${path}`, { headers: { 'Apollo-Require-Preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('adds HSTS when the portal is served over https', async () => {
    const res = await fetch(`${https.url}/`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
