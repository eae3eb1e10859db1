import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, SET_PASSWORD, SIGN_IN, errorOf, totpCode } from '../client.js';
import { startSmtp, startVonageFake } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { PASSWORD, invite, onboardWithTotp, type Smtp, type VonageFake } from './onboarding.js';

const ADMIN = 'beheer@kantoor.test';
let server: TestServer;
let smtp: Smtp;
let vonage: VonageFake;
let admin: Client;
let adminTotp: string;

beforeAll(async () => {
  smtp = await startSmtp();
  vonage = await startVonageFake();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: ADMIN, PORTAL_NAME: 'Notariskantoor De Vries', ...vonage.env });
  ({ client: admin, totpSecret: adminTotp } = await onboardWithTotp(server, smtp, ADMIN));
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
  await vonage?.close();
});

describe('invitation onboarding', () => {
  it('invited the bootstrap admin by e-mail with a set-password link carrying its token', async () => {
    const mail = await smtp.waitFor(ADMIN);
    expect(mail.raw).toContain('Notariskantoor De Vries');
    expect(mail.raw).toMatch(/\/set-password\?token=[\w-]{40,}/);
  });

  it('confirms a set password by e-mail', async () => {
    const confirmation = await smtp.waitFor(ADMIN, 2);
    expect(confirmation.raw).toMatch(/wachtwoord is ingesteld/i);
  });

  it('gives the admin a session cookie that is httpOnly and SameSite, never the token in the body', async () => {
    const client = new Client(server);
    const res = await client.gql(SIGN_IN, { email: ADMIN, password: PASSWORD });
    expect(client.lastSetCookie).toMatch(/kluis_session=[\w-]{40,}; .*HttpOnly/i);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
    expect(JSON.stringify(res)).not.toContain(client.cookie.split('=')[1]);
    expect(res.data.signIn).toEqual({ step: 'SECOND_FACTOR', methods: ['TOTP', 'RECOVERY_CODE'], user: null });
  });

  it('walks a client from invitation through terms, SMS set-up and profile to DONE', async () => {
    const email = 'Klant.Een@Example.NL';
    const created = await invite(admin, { email, firstName: 'Eva', language: 'EN' });
    expect(created).toMatchObject({ email: 'klant.een@example.nl', role: 'CLIENT', accountKind: 'PERSON' });
    const mail = await smtp.waitFor('klant.een@example.nl');
    expect(mail.raw).toMatch(/Your invitation/);
    const client = new Client(server);

    for (const [password, reason] of [
      ['Kort1', 'TOO_SHORT'],
      ['geenhoofdletter1', 'NO_CAPITAL'],
      ['GeenCijferHier', 'NO_DIGIT'],
      ['Password1', 'TOO_COMMON'],
      [`A1${'x'.repeat(127)}`, 'TOO_LONG'],
    ]) {
      expect(errorOf(await client.gql(SET_PASSWORD, { token: mail.token, password })), password).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', reason });
    }
    const set = await client.ok(SET_PASSWORD, { token: mail.token, password: PASSWORD });
    expect(set.setPassword.step).toBe('ACCEPT_TERMS');
    expect(errorOf(await client.gql('{ users { totalCount } }'))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await client.gql('mutation { updateProfile(input: { firstName: "x" }) { step } }'))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await client.gql('mutation { acceptTerms(version: "old") { step } }'))?.field).toBe('version');

    const { portal } = await client.ok('{ portal { termsVersion } }');
    expect((await client.ok('mutation ($v: String!) { acceptTerms(version: $v) { step } }', { v: portal.termsVersion })).acceptTerms.step).toBe('SET_UP_SECOND_FACTOR');
    expect(errorOf(await client.gql('mutation { skipSecondFactorSetUp { step } }'))?.reason).toBe('SECOND_FACTOR_REQUIRED');
    expect(errorOf(await client.gql('mutation { startSmsEnrollment(phone: "12") }'))?.field).toBe('phone');
    expect((await client.ok('mutation { startSmsEnrollment(phone: "06 1234 5678") }')).startSmsEnrollment).toBe(true);
    const code = await vonage.codeFor('+31612345678');
    expect(vonage.sent.at(-1)).toMatchObject({ to: '31612345678', from: 'Kluis' });
    expect(errorOf(await client.gql('mutation { confirmSmsEnrollment(code: "000000") { step } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const enrolled = (await client.ok('mutation ($c: String!) { confirmSmsEnrollment(code: $c) { step recoveryCodes user { maskedPhone secondFactors } } }', { c: code }))
      .confirmSmsEnrollment;
    expect(enrolled.step).toBe('COMPLETE_PROFILE');
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(enrolled.user).toEqual({ maskedPhone: '********5678', secondFactors: ['SMS', 'RECOVERY_CODE'] });

    expect(errorOf(await client.gql('mutation { updateProfile(input: { initials: "E." }) { step } }'))).toMatchObject({ field: 'lastName' });
    const done = await client.ok('mutation { updateProfile(input: { initials: "E.", lastName: "de Boer", infix: "" }) { step user { profile { displayName gender infix } } } }');
    expect(done.updateProfile).toEqual({ step: 'DONE', user: { profile: { displayName: 'Eva de Boer', gender: 'UNKNOWN', infix: null } } });
    expect((await client.ok('{ me { email language } }')).me).toEqual({ email: 'klant.een@example.nl', language: 'EN' });

    // Sign out, then sign in again with an SMS code.
    await client.ok('mutation { signOut }');
    expect((await client.ok('{ me { id } }')).me).toBeNull();
    const again = new Client(server);
    expect((await again.ok(SIGN_IN, { email: 'KLANT.een@example.nl', password: PASSWORD })).signIn).toMatchObject({ step: 'SECOND_FACTOR', methods: ['SMS', 'RECOVERY_CODE'] });
    expect(errorOf(await again.gql('{ users { totalCount } }'))?.code).toBe('UNAUTHENTICATED');
    await again.ok('mutation { sendSignInSmsCode }');
    const signInCode = await vonage.codeFor('+31612345678', 2);
    expect((await again.ok('mutation ($c: String!) { verifySecondFactor(method: SMS, code: $c) { step user { email } } }', { c: signInCode })).verifySecondFactor).toEqual({
      step: 'DONE',
      user: { email: 'klant.een@example.nl' },
    });

    // The invitation link was single use.
    expect(errorOf(await new Client(server).gql(SET_PASSWORD, { token: mail.token, password: PASSWORD }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('voids the earlier invitation link when it is sent again', async () => {
    const { id } = await invite(admin, { email: 'twee@example.nl' });
    const first = await smtp.waitFor('twee@example.nl');
    expect((await admin.ok('mutation ($id: ID!) { resendInvitation(userId: $id) }', { id })).resendInvitation).toBe(true);
    const second = await smtp.waitFor('twee@example.nl', 2);
    expect(errorOf(await new Client(server).gql(SET_PASSWORD, { token: first.token, password: PASSWORD }))?.field).toBe('token');
    expect((await new Client(server).ok(SET_PASSWORD, { token: second.token, password: PASSWORD })).setPassword.step).toBe('ACCEPT_TERMS');
  });

  it('refuses a second account with the same address in other capitals', async () => {
    await invite(admin, { email: 'uniek@example.nl' });
    expect(errorOf(await admin.gql('mutation { inviteUser(input: { email: "UNIEK@example.nl" }) { id } }'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('who may invite', () => {
  it('lets only an ADMIN invite staff, and no client invite anyone', async () => {
    await invite(admin, { email: 'medewerker@kantoor.test', role: 'STAFF' });
    const { client: staff } = await onboardWithTotp(server, smtp, 'medewerker@kantoor.test');
    expect(errorOf(await staff.gql('mutation { inviteUser(input: { email: "x@kantoor.test", role: ADMIN }) { id } }'))?.code).toBe('FORBIDDEN');
    expect((await staff.ok('mutation { inviteUser(input: { email: "client-of-staff@example.nl" }) { role } }')).inviteUser.role).toBe('CLIENT');

    await invite(admin, { email: 'nieuwsgierig@example.nl' });
    const { client } = await onboardWithTotp(server, smtp, 'nieuwsgierig@example.nl');
    expect(errorOf(await client.gql('mutation { inviteUser(input: { email: "y@example.nl" }) { id } }'))?.code).toBe('FORBIDDEN');
    expect(errorOf(await client.gql('{ users { totalCount } }'))?.code).toBe('FORBIDDEN');
    const page = (await staff.ok('{ users(search: "NIEUWSgierig") { totalCount edges { node { email } } } }')).users;
    expect(page).toEqual({ totalCount: 1, edges: [{ node: { email: 'nieuwsgierig@example.nl' } }] });
  });
});

describe('passwords and second factors', () => {
  it('gives the same error for an unknown address and a wrong password', async () => {
    const unknown = errorOf(await new Client(server).gql(SIGN_IN, { email: 'niemand@example.nl', password: PASSWORD }));
    const wrong = errorOf(await new Client(server).gql(SIGN_IN, { email: ADMIN, password: 'Fout-Wachtwoord-1' }));
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('limits wrong passwords per account with RATE_LIMITED and a retry time', async () => {
    await invite(admin, { email: 'doelwit@example.nl' });
    await onboardWithTotp(server, smtp, 'doelwit@example.nl');
    const attacker = new Client(server);
    for (let i = 0; i < 10; i++) expect(errorOf(await attacker.gql(SIGN_IN, { email: 'doelwit@example.nl', password: `Fout-${i}-Wachtwoord` }))?.code).toBe('BAD_USER_INPUT');
    const limited = errorOf(await attacker.gql(SIGN_IN, { email: 'doelwit@example.nl', password: PASSWORD }));
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);

    // The owner is not locked out: a password link by e-mail signs them in, and the guesses at the old password stop counting.
    const sent = smtp.mails.filter((m) => m.to.includes('doelwit@example.nl')).length;
    await new Client(server).ok('mutation { requestPasswordLink(email: "doelwit@example.nl") }');
    const { token } = await smtp.waitFor('doelwit@example.nl', sent + 1);
    expect((await new Client(server).ok(SET_PASSWORD, { token, password: 'Nieuw-Wachtwoord-88' })).setPassword.step).toBe('SECOND_FACTOR');
    expect((await new Client(server).ok(SIGN_IN, { email: 'doelwit@example.nl', password: 'Nieuw-Wachtwoord-88' })).signIn.step).toBe('SECOND_FACTOR');
  });

  it('counts every wrong code, aliases included, and stops at five', async () => {
    const client = new Client(server);
    await client.ok(SIGN_IN, { email: ADMIN, password: PASSWORD });
    const aliases = Array.from({ length: 7 }, (_, i) => `a${i}: verifySecondFactor(method: TOTP, code: "00000${i}") { step }`).join('\n');
    // Root mutation fields run one after another, and the first failure (a non-null field) ends the
    // request: each aliased request costs the attacker one attempt, counted in the database.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await client.gql(`mutation { ${aliases} }`);
      expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorOf(await client.gql(`mutation { ${aliases} }`))?.code).toBe('RATE_LIMITED');
    expect(errorOf(await client.gql('mutation ($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }', { c: totpCode(adminTotp, 1) }))?.code).toBe('RATE_LIMITED');
  });

  it('refuses a TOTP code that was already used, and a used recovery code', async () => {
    await invite(admin, { email: 'totp@example.nl' });
    const { totpSecret, recoveryCodes } = await onboardWithTotp(server, smtp, 'totp@example.nl');
    const first = new Client(server);
    await first.ok(SIGN_IN, { email: 'totp@example.nl', password: PASSWORD });
    const code = totpCode(totpSecret, 1);
    expect((await first.ok('mutation ($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }', { c: code })).verifySecondFactor.step).toBe('DONE');
    const replay = new Client(server);
    await replay.ok(SIGN_IN, { email: 'totp@example.nl', password: PASSWORD });
    expect(errorOf(await replay.gql('mutation ($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }', { c: code }))?.field).toBe('code');
    const recovery = recoveryCodes[0]!.toLowerCase();
    expect((await replay.ok('mutation ($c: String!) { verifySecondFactor(method: RECOVERY_CODE, code: $c) { step } }', { c: recovery })).verifySecondFactor.step).toBe('DONE');
    const again = new Client(server);
    await again.ok(SIGN_IN, { email: 'totp@example.nl', password: PASSWORD });
    expect(errorOf(await again.gql('mutation ($c: String!) { verifySecondFactor(method: RECOVERY_CODE, code: $c) { step } }', { c: recovery }))?.field).toBe('code');
  });

  it('sends a password link for a known address only, while answering true for both', async () => {
    const before = smtp.mails.length;
    expect((await new Client(server).ok('mutation { requestPasswordLink(email: "onbekend@example.nl") }')).requestPasswordLink).toBe(true);
    expect((await new Client(server).ok('mutation { requestPasswordLink(email: "TOTP@example.nl") }')).requestPasswordLink).toBe(true);
    const link = await smtp.waitFor('totp@example.nl', 3);
    expect(link.raw).toMatch(/1 (uur|hour)/);
    expect(smtp.mails.slice(before).some((m) => m.to.includes('onbekend@example.nl'))).toBe(false);
  });

  it('revokes the other sessions when the password changes', async () => {
    await invite(admin, { email: 'wissel@example.nl' });
    const { client: laptop, totpSecret } = await onboardWithTotp(server, smtp, 'wissel@example.nl');
    const phone = new Client(server);
    await phone.ok(SIGN_IN, { email: 'wissel@example.nl', password: PASSWORD });
    await phone.ok('mutation ($c: String!) { verifySecondFactor(method: TOTP, code: $c) { step } }', { c: totpCode(totpSecret, 1) });
    expect(errorOf(await laptop.gql('mutation { changePassword(currentPassword: "Fout-Wachtwoord-9", newPassword: "Nieuw-Wachtwoord-77") }'))?.field).toBe('currentPassword');
    expect(errorOf(await laptop.gql(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "kort") }`))?.field).toBe('newPassword');
    await laptop.ok(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "Nieuw-Wachtwoord-77") }`);
    expect((await phone.ok('{ me { id } }')).me).toBeNull();
    expect((await laptop.ok('{ me { email } }')).me.email).toBe('wissel@example.nl');
  });
});

describe('my data', () => {
  it('keeps language, notification preferences and absence, refusing what is invalid', async () => {
    expect((await admin.ok('mutation { setLanguage(language: EN) { language } }')).setLanguage.language).toBe('EN');
    const prefs = await admin.ok('mutation { updateNotificationPreferences(input: { newMessages: false }) { notificationPreferences { newDocuments newQuestionnaires newMessages } } }');
    expect(prefs.updateNotificationPreferences.notificationPreferences).toEqual({ newDocuments: true, newQuestionnaires: true, newMessages: false });
    expect(errorOf(await admin.gql('mutation { setAbsence(input: { enabled: true, until: "2001-01-01T00:00:00.000Z", message: "weg" }) { absence { enabled } } }'))?.field).toBe('until');
    expect(errorOf(await admin.gql('mutation { setAbsence(input: { enabled: true }) { absence { enabled } } }'))?.field).toBe('message');
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const absence = await admin.ok('mutation ($u: DateTime) { setAbsence(input: { enabled: true, message: "Met vakantie", until: $u }) { absence { enabled message until } } }', { u: until });
    expect(absence.setAbsence.absence).toEqual({ enabled: true, message: 'Met vakantie', until });
  });

  it('keeps the last second factor of an account that requires one', async () => {
    expect(errorOf(await admin.gql('mutation { removeSecondFactor(method: TOTP) { id } }'))?.reason).toBe('LAST_SECOND_FACTOR');
    const regenerated = await admin.ok('mutation { regenerateRecoveryCodes { recoveryCodes } }');
    expect(new Set(regenerated.regenerateRecoveryCodes.recoveryCodes).size).toBe(10);
  });
});

describe('company accounts', () => {
  it('lets the main account add, list and remove its extra accounts, and nobody else', async () => {
    await invite(admin, { email: 'directie@bedrijf.nl', accountKind: 'COMPANY', companyName: 'Bedrijf B.V.' });
    const { client: main } = await onboardWithTotp(server, smtp, 'directie@bedrijf.nl');
    expect((await main.ok('{ me { isMainAccount companyName } }')).me).toEqual({ isMainAccount: true, companyName: 'Bedrijf B.V.' });
    const extra = (await main.ok('mutation { addExtraAccount(input: { email: "boekhouding@bedrijf.nl", firstName: "Bo" }) { id companyName isMainAccount accountKind } }')).addExtraAccount;
    expect(extra).toMatchObject({ companyName: 'Bedrijf B.V.', isMainAccount: false, accountKind: 'COMPANY' });
    const { client: extraClient } = await onboardWithTotp(server, smtp, 'boekhouding@bedrijf.nl');
    expect((await main.ok('{ extraAccounts { email } }')).extraAccounts).toEqual([{ email: 'boekhouding@bedrijf.nl' }]);

    expect(errorOf(await extraClient.gql('mutation { addExtraAccount(input: { email: "x@bedrijf.nl" }) { id } }'))?.code).toBe('FORBIDDEN');
    expect(errorOf(await admin.gql('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: extra.id }))?.code).toBe('FORBIDDEN');
    await invite(admin, { email: 'ander@bedrijf2.nl', accountKind: 'COMPANY', companyName: 'Ander B.V.' });
    const { client: otherCompany } = await onboardWithTotp(server, smtp, 'ander@bedrijf2.nl');
    expect(errorOf(await otherCompany.gql('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: extra.id }))?.code).toBe('NOT_FOUND');
    expect((await otherCompany.ok('{ extraAccounts { email } }')).extraAccounts).toEqual([]);

    expect((await main.ok('mutation ($id: ID!) { removeExtraAccount(userId: $id) }', { id: extra.id })).removeExtraAccount).toBe(true);
    expect((await extraClient.ok('{ me { id } }')).me).toBeNull();
    expect(errorOf(await new Client(server).gql(SIGN_IN, { email: 'boekhouding@bedrijf.nl', password: PASSWORD }))?.field).toBe('password');
    expect((await main.ok('{ extraAccounts { email } }')).extraAccounts).toEqual([]);
  });
});
