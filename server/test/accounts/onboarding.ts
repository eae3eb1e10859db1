import { Client, SET_PASSWORD, totpCode } from '../client.js';
import type { startSmtp, startVonageFake } from '../fakes.js';
import type { TestServer } from '../server.js';

export const PASSWORD = 'Sterk-Wachtwoord-42';

/** Follows an invitation e-mail to a fully set-up account with TOTP; returns the signed-in client and its secrets. */
export async function onboardWithTotp(server: TestServer, smtp: Awaited<ReturnType<typeof startSmtp>>, email: string, mailIndex = 1) {
  const client = new Client(server);
  const { token } = await smtp.waitFor(email, mailIndex);
  let step = (await client.ok(SET_PASSWORD, { token, password: PASSWORD })).setPassword.step;
  if (step === 'ACCEPT_TERMS') {
    const { portal } = await client.ok('{ portal { termsVersion } }');
    step = (await client.ok('mutation ($v: String!) { acceptTerms(version: $v) { step } }', { v: portal.termsVersion })).acceptTerms.step;
  }
  let totpSecret = '';
  let recoveryCodes: string[] = [];
  if (step === 'SET_UP_SECOND_FACTOR') {
    totpSecret = (await client.ok('mutation { startTotpEnrollment { secret otpauthUri qrCodeSvg } }')).startTotpEnrollment.secret;
    const confirmed = (await client.ok('mutation ($c: String!) { confirmTotpEnrollment(code: $c) { step recoveryCodes } }', { c: totpCode(totpSecret) })).confirmTotpEnrollment;
    step = confirmed.step;
    recoveryCodes = confirmed.recoveryCodes;
  }
  if (step === 'COMPLETE_PROFILE') {
    step = (await client.ok('mutation { updateProfile(input: { initials: "T.", firstName: "Test", lastName: "Persoon" }) { step } }')).updateProfile.step;
  }
  if (step !== 'DONE') throw new Error(`onboarding stopped at ${step}`);
  return { client, totpSecret, recoveryCodes };
}

export async function invite(staff: Client, input: Record<string, unknown>) {
  return (await staff.ok('mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id email role accountKind } }', { input })).inviteUser;
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;
export type VonageFake = Awaited<ReturnType<typeof startVonageFake>>;
