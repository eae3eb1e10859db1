import * as OTPAuth from 'otpauth';
import type { GraphQLResponse, TestServer } from './server.js';

/** A browser-like API client: keeps the session cookie the server sets. */
export class Client {
  cookie = '';
  lastSetCookie = '';
  constructor(private readonly server: TestServer) {}

  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.gql<T>(query, variables);
    if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data!;
  }
}

export const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions as { code: string; field?: string; reason?: string; retryAfterSeconds?: number } | undefined;

export const totpCode = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

export const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { step methods user { id email } } }`;
export const SET_PASSWORD = `mutation ($token: String!, $password: String!) { setPassword(token: $token, password: $password) { step methods } }`;

export interface UploadFile {
  name: string;
  type?: string;
  body: Buffer | string;
}

/**
 * A GraphQL multipart request (the spec the PWA and integrators use): `files` maps a variable path to a file.
 * It carries Apollo's preflight header unless `preflight` is false (a cross-site form would not).
 */
export async function postUpload(
  url: string,
  operations: { query: string; variables?: Record<string, unknown> },
  files: Record<string, UploadFile>,
  { cookie, headers = {}, preflight = true }: { cookie?: string; headers?: Record<string, string>; preflight?: boolean } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('operations', JSON.stringify(operations));
  form.set('map', JSON.stringify(Object.fromEntries(Object.keys(files).map((at, i) => [String(i), [at]]))));
  Object.values(files).forEach((f, i) => form.set(String(i), new Blob([typeof f.body === 'string' ? f.body : new Uint8Array(f.body)], { type: f.type ?? 'application/octet-stream' }), f.name));
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    body: form,
    headers: { ...(preflight ? { 'Apollo-Require-Preflight': 'true' } : {}), ...(cookie ? { cookie } : {}), ...headers },
  });
  return { status: res.status, body: await res.json() };
}
