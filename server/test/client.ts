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
