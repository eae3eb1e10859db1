// Signs in through the real API: password, then a TOTP code from the seeded secret.
import * as OTPAuth from 'otpauth';
import { request } from './load.mjs';
import { PASSWORD, TOTP_SECRET } from './seed.mjs';

export const gql = (url, query, variables, cookie) =>
  request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });

const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(TOTP_SECRET), digits: 6, period: 30 });
/** Each TOTP step is accepted once per user: remember the steps used per database and user. */
const used = new Map();

export async function signIn(url, database, email) {
  const first = await gql(url, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { step } }', { e: email, p: PASSWORD });
  const step = JSON.parse(first.body).data?.signIn?.step;
  if (!step) throw new Error(`sign-in of ${email} failed: ${first.body}`);
  const cookie = first.headers['set-cookie'][0].split(';')[0];
  if (step === 'DONE') return cookie;
  if (step !== 'SECOND_FACTOR') throw new Error(`sign-in of ${email} stopped at ${step}`);
  const key = `${database}/${email}`;
  // Another process (an earlier run) may have used this step's code: the server refuses it again, so the next one.
  for (let attempt = 1; ; attempt++) {
    while (Math.floor(Date.now() / 30_000) <= (used.get(key) ?? -1)) await new Promise((r) => setTimeout(r, 500));
    used.set(key, Math.floor(Date.now() / 30_000));
    const second = await gql(url, 'mutation($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }', { c: totp.generate() }, cookie);
    const done = JSON.parse(second.body).data?.verifySecondFactor?.step;
    if (done === 'DONE') return second.headers['set-cookie']?.[0]?.split(';')[0] ?? cookie;
    if (attempt === 2 || !second.body.includes('WRONG_CODE')) throw new Error(`second factor of ${email}: ${second.body}`);
  }
}
