import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { In, IsNull, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { badInput, unauthenticated } from '../../graphql/errors.js';
import { logger } from '../../logger.js';
import { renderMail } from '../../mail/mail.templates.js';
import type { Outbox } from '../../outbox/outbox.js';
import { randomDigits, randomToken, type Sealer, sha256 } from '../../security/secrets.js';
import { audit } from '../audit/audit.service.js';
import type { PortalService } from '../portal/portal.service.js';
import type { Realtime } from '../../realtime/realtime.js';
import { User } from '../user/user.entity.js';
import { isStaff } from '../user/user.types.js';
import { Challenge, ChallengeKind, LinkPurpose, LinkToken, RecoveryCode } from './auth.entities.js';
import { SecondFactorMethod, SignInStep, type SecondFactorEnrollment, type SignInPayload, type TotpEnrollment } from './auth.types.js';
import { checkPassword, hashPassword, verifyPassword } from './password.js';
import { normalisePhone } from './phone.js';
import { Session } from './session.entity.js';
import { Throttle, rateLimited } from './throttle.js';

export const SESSION_COOKIE = 'kluis_session';
const MAX_CODE_FAILURES = 5;
const SMS_CODE_MS = 5 * 60_000;
const SMS_PER_HOUR = 5;
const RECOVERY_CODE_COUNT = 10;
const LINK_VALIDITY = { [LinkPurpose.INVITATION]: 7 * 24 * 3_600_000, [LinkPurpose.PASSWORD]: 3_600_000 };

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
/** The wrong passwords counted against an account, from any address. */
const passwordFailures = (email: string) => `password:account:${normaliseEmail(email)}`;

/** Sessions, the sign-in steps, passwords, links and second factors. */
export class AuthService {
  private readonly throttle: Throttle;

  constructor(
    private readonly db: DataSource,
    private readonly config: Config,
    private readonly outbox: Outbox,
    private readonly sealer: Sealer,
    private readonly portal: PortalService,
    private readonly realtime: Realtime,
  ) {
    this.throttle = new Throttle(db, 15 * 60_000);
  }

  // --- sessions ---------------------------------------------------------

  /** The viewer behind a request's session cookie, or null. Sliding idle timeout, fixed absolute one. */
  async authenticate(headers: IncomingHttpHeaders): Promise<Viewer | null> {
    const token = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
    if (!token) return null;
    const session = await this.db.getRepository(Session).findOneBy({ tokenHash: sha256(token), revokedAt: IsNull() });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + this.config.session.idleMs <= now) return null;
    const user = await this.db.getRepository(User).findOneBy({ id: session.userId, removedAt: IsNull() });
    if (!user) return null;
    if (now - session.lastSeenAt.getTime() > 60_000) await this.db.getRepository(Session).update(session.id, { lastSeenAt: new Date(now) });
    return { user, session, step: session.step };
  }

  /** A fresh session (new token at every sign-in) at the given step, set as an httpOnly SameSite cookie. */
  private async startSession(ctx: Context, user: User, step: SignInStep, manager: EntityManager = this.db.manager): Promise<Session> {
    if (!ctx.setCookie) throw unauthenticated();
    const token = randomToken();
    const now = new Date();
    const session = await manager.save(
      manager.create(Session, { tokenHash: sha256(token), userId: user.id, step, lastSeenAt: now, expiresAt: new Date(now.getTime() + this.config.session.absoluteMs), revokedAt: null, failures: 0 }),
    );
    ctx.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/', maxAge: this.config.session.absoluteMs / 1000 });
    return session;
  }

  async signOut(ctx: Context): Promise<boolean> {
    if (ctx.viewer?.session) {
      await this.db.getRepository(Session).update(ctx.viewer.session.id, { revokedAt: new Date() });
      this.realtime.sessionsEnded({ sessionIds: [ctx.viewer.session.id] });
      await audit(this.db.manager, { action: 'SIGN_OUT', actorId: ctx.viewer.user.id, ip: ctx.ip });
    }
    ctx.setCookie?.(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/', maxAge: 0 });
    return true;
  }

  /**
   * Ends every session of the user but the one given, if any (after a password or second-factor change, or as the
   * account is removed); their sockets close at once.
   */
  async revokeSessions(manager: EntityManager, userId: string, keep?: Session | null) {
    await manager.update(Session, { userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep.id) } : {}) }, { revokedAt: new Date() });
    this.realtime.sessionsEnded({ userId, exceptSessionId: keep?.id });
  }

  /** Of these sessions, the ones still valid (not revoked, expired or idle, user not removed); checking does not extend them. */
  async liveSessionIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const now = Date.now();
    const sessions = await this.db.getRepository(Session).find({
      select: { id: true, userId: true },
      where: { id: In(ids), revokedAt: IsNull(), expiresAt: MoreThan(new Date(now)), lastSeenAt: MoreThan(new Date(now - this.config.session.idleMs)) },
    });
    const users = new Set((await this.db.getRepository(User).find({ select: { id: true }, where: { id: In(sessions.map((s) => s.userId)), removedAt: IsNull() } })).map((u) => u.id));
    return new Set(sessions.filter((s) => users.has(s.userId)).map((s) => s.id));
  }

  // --- the sign-in steps ------------------------------------------------

  async methods(user: User, manager: EntityManager = this.db.manager): Promise<SecondFactorMethod[]> {
    const methods: SecondFactorMethod[] = [];
    if (user.phone) methods.push(SecondFactorMethod.SMS);
    if (user.totpSecret) methods.push(SecondFactorMethod.TOTP);
    if (methods.length && (await manager.countBy(RecoveryCode, { userId: user.id, usedAt: IsNull() }))) methods.push(SecondFactorMethod.RECOVERY_CODE);
    return methods;
  }

  private secondFactorRequired(user: User) {
    return isStaff(user.role) || this.config.requireSecondFactor;
  }

  /** The step after the password and second factor, from what the user still lacks. */
  async stepAfterSecondFactor(user: User): Promise<SignInStep> {
    const terms = await this.portal.terms();
    if (terms && user.termsAcceptedVersion !== terms.version) return SignInStep.ACCEPT_TERMS;
    if (!user.phone && !user.totpSecret && (this.secondFactorRequired(user) || !user.secondFactorPromptedAt)) return SignInStep.SET_UP_SECOND_FACTOR;
    if (!user.initials || !user.firstName || !user.lastName) return SignInStep.COMPLETE_PROFILE;
    return SignInStep.DONE;
  }

  private async stepAfterPassword(user: User): Promise<SignInStep> {
    return user.phone || user.totpSecret ? SignInStep.SECOND_FACTOR : this.stepAfterSecondFactor(user);
  }

  private async payload(user: User, step: SignInStep): Promise<SignInPayload> {
    return { step, methods: step === SignInStep.SECOND_FACTOR ? await this.methods(user) : [], user: step === SignInStep.DONE ? user : null };
  }

  /** Moves the viewer's session to the step its user now stands at. */
  async advance(viewer: Viewer, manager: EntityManager = this.db.manager): Promise<SignInPayload> {
    const user = await manager.findOneByOrFail(User, { id: viewer.user.id });
    const step = viewer.step === SignInStep.SECOND_FACTOR ? SignInStep.SECOND_FACTOR : await this.stepAfterSecondFactor(user);
    if (viewer.session && viewer.session.step !== step) await manager.update(Session, viewer.session.id, { step });
    viewer.step = step;
    viewer.user = user;
    return this.payload(user, step);
  }

  /** Throws UNAUTHENTICATED unless the viewer's session stands at one of these steps. */
  requireStep(viewer: Viewer | null, ...steps: SignInStep[]): Viewer {
    if (!viewer || !steps.includes(viewer.step as SignInStep)) throw unauthenticated();
    return viewer;
  }

  async signIn(ctx: Context, email: string, password: string): Promise<SignInPayload> {
    const address = normaliseEmail(email);
    const accountKey = passwordFailures(address);
    const ipKey = `password:ip:${ctx.ip}`;
    const attempt = await this.throttle.begin({ [accountKey]: 10, [ipKey]: 100 });
    const user = await this.db.getRepository(User).findOneBy({ email: address, removedAt: IsNull() });
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      await audit(this.db.manager, { action: 'SIGN_IN_FAILED', subjectId: user?.id ?? null, ip: ctx.ip });
      throw badInput('password', 'The e-mail address or password is wrong', 'WRONG_CREDENTIALS');
    }
    await attempt.succeeded();
    await this.throttle.clear(accountKey);
    const step = await this.stepAfterPassword(user);
    await this.startSession(ctx, user, step);
    if (step !== SignInStep.SECOND_FACTOR) await audit(this.db.manager, { action: 'SIGN_IN', actorId: user.id, ip: ctx.ip });
    return this.payload(user, step);
  }

  async sendSignInSmsCode(viewer: Viewer): Promise<boolean> {
    this.requireStep(viewer, SignInStep.SECOND_FACTOR);
    if (!viewer.user.phone) throw badInput('method', 'This account has no SMS number');
    await this.sendSmsChallenge(viewer, ChallengeKind.SMS_SIGN_IN, viewer.user.phone);
    return true;
  }

  private async sendSmsChallenge(viewer: Viewer, kind: ChallengeKind, phone: string) {
    const repo = this.db.getRepository(Challenge);
    const sentLastHour = await repo.countBy({ userId: viewer.user.id, kind: Not(ChallengeKind.TOTP_ENROLMENT), createdAt: MoreThan(new Date(Date.now() - 3_600_000)) });
    if (sentLastHour >= SMS_PER_HOUR) {
      const [oldest] = await repo.find({ where: { userId: viewer.user.id, kind: Not(ChallengeKind.TOTP_ENROLMENT) }, order: { createdAt: 'DESC' }, skip: SMS_PER_HOUR - 1, take: 1 });
      throw rateLimited(((oldest?.createdAt.getTime() ?? Date.now()) + 3_600_000 - Date.now()) / 1000);
    }
    const code = randomDigits(6);
    const text = viewer.user.language === 'EN' ? `Your ${this.config.portalName} code is ${code}. It is valid for 5 minutes.` : `Uw code voor ${this.config.portalName} is ${code}. De code is 5 minuten geldig.`;
    await this.db.transaction(async (manager) => {
      await manager.update(Challenge, { sessionId: viewer.session!.id, kind, usedAt: IsNull() }, { usedAt: new Date() });
      await manager.save(manager.create(Challenge, { sessionId: viewer.session!.id, userId: viewer.user.id, kind, secret: sha256(code), phone, failures: 0, expiresAt: new Date(Date.now() + SMS_CODE_MS), usedAt: null }));
      await this.outbox.sms(manager, phone, text);
    });
  }

  /** Checks a code against the session's open challenge; wrong codes count one by one, up to the limit. */
  private async checkChallenge(viewer: Viewer, kind: ChallengeKind, code: string): Promise<Challenge> {
    const repo = this.db.getRepository(Challenge);
    const challenge = await repo.findOne({ where: { sessionId: viewer.session!.id, kind, usedAt: IsNull() }, order: { createdAt: 'DESC' } });
    if (!challenge || challenge.expiresAt.getTime() <= Date.now()) throw badInput('code', 'This code has expired; ask for a new one', 'EXPIRED');
    // Counted before the comparison, so codes sent at once cannot all pass a check made before any was counted.
    const { affected } = await repo.createQueryBuilder().update().set({ failures: () => 'failures + 1' }).where('id = :id AND failures < :max', { id: challenge.id, max: MAX_CODE_FAILURES }).execute();
    if (!affected) throw rateLimited(60);
    const matches = kind === ChallengeKind.TOTP_ENROLMENT ? this.totpStep(this.sealer.open(challenge.secret), code) !== null : sha256(normaliseCode(code)) === challenge.secret;
    if (!matches) throw badInput('code', 'The code is wrong', 'WRONG_CODE');
    await repo.update(challenge.id, { usedAt: new Date() });
    return challenge;
  }

  private totpStep(secret: string, code: string): number | null {
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    const delta = totp.validate({ token: code.replace(/\s/g, ''), window: 1 });
    return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
  }

  async verifySecondFactor(ctx: Context, method: SecondFactorMethod, code: string): Promise<SignInPayload> {
    const viewer = this.requireStep(ctx.viewer, SignInStep.SECOND_FACTOR);
    const session = viewer.session!;
    const user = viewer.user;
    // Counted before the code is checked, in the database: aliases in one request and requests sent at once
    // count one by one, and a fresh sign-in brings no fresh guesses.
    const { affected: allowed } = await this.db
      .createQueryBuilder()
      .update(Session)
      .set({ failures: () => 'failures + 1' })
      .where('id = :id AND failures < :max', { id: session.id, max: MAX_CODE_FAILURES })
      .execute();
    if (!allowed) throw rateLimited(60);
    const accountKey = `second-factor:account:${user.id}`;
    const attempt = await this.throttle.begin({ [accountKey]: MAX_CODE_FAILURES });
    let ok = false;
    if (method === SecondFactorMethod.SMS) {
      ok = await this.checkChallenge(viewer, ChallengeKind.SMS_SIGN_IN, code).then(
        () => true,
        (err) => {
          if ((err as { details?: { reason?: string } }).details?.reason === 'EXPIRED') throw err;
          return false;
        },
      );
    } else if (method === SecondFactorMethod.TOTP && user.totpSecret) {
      const step = this.totpStep(this.sealer.open(user.totpSecret), code);
      // A code already used (or an older one) is refused: each time step counts once.
      if (step !== null && step > (user.totpLastStep ?? -1)) {
        const { affected } = await this.db
          .createQueryBuilder()
          .update(User)
          .set({ totpLastStep: step })
          .where('id = :id AND (totpLastStep IS NULL OR totpLastStep < :step)', { id: user.id, step })
          .execute();
        ok = !!affected;
      }
    } else if (method === SecondFactorMethod.RECOVERY_CODE) {
      const { affected } = await this.db.getRepository(RecoveryCode).update({ userId: user.id, codeHash: sha256(normaliseCode(code)), usedAt: IsNull() }, { usedAt: new Date() });
      ok = !!affected;
    }
    if (!ok) {
      await audit(this.db.manager, { action: 'SECOND_FACTOR_FAILED', subjectId: user.id, ip: ctx.ip });
      throw badInput('code', 'The code is wrong', 'WRONG_CODE');
    }
    await attempt.succeeded();
    await this.throttle.clear(accountKey);
    // A new token once the second factor is passed, so a token seen before it is worth nothing after.
    await this.db.getRepository(Session).update(session.id, { revokedAt: new Date() });
    const step = await this.stepAfterSecondFactor(user);
    await this.startSession(ctx, user, step);
    await audit(this.db.manager, { action: 'SIGN_IN', actorId: user.id, ip: ctx.ip });
    return this.payload(user, step);
  }

  // --- passwords and links ----------------------------------------------

  /** Issues a set-password link, voiding the user's earlier links of the same purpose. */
  async sendLink(manager: EntityManager, user: User, purpose: LinkPurpose): Promise<void> {
    await manager.update(LinkToken, { userId: user.id, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const token = randomToken();
    await manager.save(manager.create(LinkToken, { tokenHash: sha256(token), userId: user.id, purpose, expiresAt: new Date(Date.now() + LINK_VALIDITY[purpose]), usedAt: null }));
    const link = `${this.config.publicUrl}/set-password?token=${token}`;
    await this.outbox.mail(manager, user.email, renderMail(purpose === LinkPurpose.INVITATION ? 'invitation' : 'passwordLink', user.language, { office: this.config.portalName, link }));
  }

  /** Always true: whether the address is known is never revealed, nor how long the work took. */
  async requestPasswordLink(email: string): Promise<boolean> {
    const address = normaliseEmail(email);
    void (async () => {
      const user = await this.db.getRepository(User).findOneBy({ email: address, removedAt: IsNull() });
      if (!user) return;
      const recent = await this.db.getRepository(LinkToken).countBy({ userId: user.id, purpose: LinkPurpose.PASSWORD, createdAt: MoreThan(new Date(Date.now() - 3_600_000)) });
      if (recent >= 3) return;
      await this.db.transaction((manager) => this.sendLink(manager, user, LinkPurpose.PASSWORD));
    })().catch((err) => logger.error({ err }, 'could not send a password link'));
    return true;
  }

  async setPassword(ctx: Context, token: string, password: string): Promise<SignInPayload> {
    const link = await this.db.getRepository(LinkToken).findOneBy({ tokenHash: sha256(token), usedAt: IsNull() });
    if (!link || link.expiresAt.getTime() <= Date.now()) throw badInput('token', 'This link is not valid (anymore); ask for a new one', 'INVALID_LINK');
    checkPassword(password);
    const hash = await hashPassword(password);
    const { user, step } = await this.db.transaction(async (manager) => {
      const { affected } = await manager.update(LinkToken, { id: link.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (!affected) throw badInput('token', 'This link is not valid (anymore); ask for a new one', 'INVALID_LINK');
      const user = await manager.findOneBy(User, { id: link.userId, removedAt: IsNull() });
      if (!user) throw badInput('token', 'This link is not valid (anymore); ask for a new one', 'INVALID_LINK');
      user.passwordHash = hash;
      await manager.update(User, user.id, { passwordHash: hash });
      await this.revokeSessions(manager, user.id);
      await audit(manager, { action: 'PASSWORD_SET', actorId: user.id, ip: ctx.ip });
      await this.outbox.mail(manager, user.email, renderMail('passwordSet', user.language, { office: this.config.portalName, link: this.config.publicUrl }));
      return { user, step: await this.stepAfterPassword(user) };
    });
    // Whoever guessed at the old password: the owner proved the address and chose a new one.
    await this.throttle.clear(passwordFailures(user.email));
    await this.startSession(ctx, user, step);
    return this.payload(user, step);
  }

  async changePassword(viewer: Viewer, ip: string, currentPassword: string, newPassword: string): Promise<boolean> {
    const attempt = await this.throttle.begin({ [passwordFailures(viewer.user.email)]: 10 });
    if (!(await verifyPassword(viewer.user.passwordHash, currentPassword))) {
      throw badInput('currentPassword', 'The current password is wrong', 'WRONG_CREDENTIALS');
    }
    await attempt.succeeded();
    checkPassword(newPassword, 'newPassword');
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (manager) => {
      await manager.update(User, viewer.user.id, { passwordHash: hash });
      await this.revokeSessions(manager, viewer.user.id, viewer.session);
      await audit(manager, { action: 'PASSWORD_CHANGED', actorId: viewer.user.id, ip });
    });
    return true;
  }

  async acceptTerms(viewer: Viewer, version: string): Promise<SignInPayload> {
    this.requireStep(viewer, SignInStep.ACCEPT_TERMS, SignInStep.DONE);
    const terms = await this.portal.terms();
    if (!terms || terms.version !== version) throw badInput('version', 'These terms are not the current ones; reload and read them again', 'STALE_TERMS');
    await this.db.getRepository(User).update(viewer.user.id, { termsAcceptedVersion: version });
    await audit(this.db.manager, { action: 'TERMS_ACCEPTED', actorId: viewer.user.id });
    return this.advance(viewer);
  }

  // --- second factors -----------------------------------------------------

  private requireSetUp(viewer: Viewer) {
    return this.requireStep(viewer, SignInStep.SET_UP_SECOND_FACTOR, SignInStep.DONE);
  }

  async startSmsEnrollment(viewer: Viewer, phone: string): Promise<boolean> {
    this.requireSetUp(viewer);
    await this.sendSmsChallenge(viewer, ChallengeKind.SMS_ENROLMENT, normalisePhone(phone));
    return true;
  }

  async confirmSmsEnrollment(viewer: Viewer, ip: string, code: string): Promise<SecondFactorEnrollment> {
    this.requireSetUp(viewer);
    const challenge = await this.checkChallenge(viewer, ChallengeKind.SMS_ENROLMENT, code);
    return this.enrolled(viewer, ip, { phone: challenge.phone }, SecondFactorMethod.SMS);
  }

  async startTotpEnrollment(viewer: Viewer): Promise<TotpEnrollment> {
    this.requireSetUp(viewer);
    const secret = new OTPAuth.Secret({ size: 20 });
    const totp = new OTPAuth.TOTP({ issuer: this.config.portalName, label: viewer.user.email, secret, digits: 6, period: 30 });
    const repo = this.db.getRepository(Challenge);
    await repo.update({ sessionId: viewer.session!.id, kind: ChallengeKind.TOTP_ENROLMENT, usedAt: IsNull() }, { usedAt: new Date() });
    await repo.save(
      repo.create({ sessionId: viewer.session!.id, userId: viewer.user.id, kind: ChallengeKind.TOTP_ENROLMENT, secret: this.sealer.seal(secret.base32), phone: null, failures: 0, expiresAt: new Date(Date.now() + 15 * 60_000), usedAt: null }),
    );
    const otpauthUri = totp.toString();
    return { secret: secret.base32, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 }) };
  }

  async confirmTotpEnrollment(viewer: Viewer, ip: string, code: string): Promise<SecondFactorEnrollment> {
    this.requireSetUp(viewer);
    const challenge = await this.checkChallenge(viewer, ChallengeKind.TOTP_ENROLMENT, code);
    const secret = this.sealer.open(challenge.secret);
    return this.enrolled(viewer, ip, { totpSecret: this.sealer.seal(secret), totpLastStep: this.totpStep(secret, code) }, SecondFactorMethod.TOTP);
  }

  private async enrolled(viewer: Viewer, ip: string, change: Partial<User>, method: SecondFactorMethod): Promise<SecondFactorEnrollment> {
    return this.db.transaction(async (manager) => {
      const first = !(await this.methods(viewer.user, manager)).length;
      await manager.update(User, viewer.user.id, change);
      const recoveryCodes = first ? await this.replaceRecoveryCodes(manager, viewer.user.id) : [];
      await this.revokeSessions(manager, viewer.user.id, viewer.session);
      await audit(manager, { action: 'SECOND_FACTOR_ADDED', actorId: viewer.user.id, subjectId: method, ip });
      const { step, user } = await this.advance(viewer, manager).then((p) => ({ step: p.step, user: viewer.user }));
      return { user, step, recoveryCodes };
    });
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    await manager.delete(RecoveryCode, { userId });
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = Array.from(randomToken().slice(0, 10), (c) => alphabet[c.charCodeAt(0) % alphabet.length]).join('');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await manager.save(codes.map((code) => manager.create(RecoveryCode, { userId, codeHash: sha256(normaliseCode(code)), usedAt: null })));
    return codes;
  }

  async regenerateRecoveryCodes(viewer: Viewer, ip: string): Promise<SecondFactorEnrollment> {
    if (!viewer.user.phone && !viewer.user.totpSecret) throw badInput('method', 'Set up SMS or an authenticator app first');
    return this.db.transaction(async (manager) => {
      const recoveryCodes = await this.replaceRecoveryCodes(manager, viewer.user.id);
      await audit(manager, { action: 'RECOVERY_CODES_REGENERATED', actorId: viewer.user.id, ip });
      return { user: viewer.user, step: SignInStep.DONE, recoveryCodes };
    });
  }

  async removeSecondFactor(viewer: Viewer, ip: string, method: SecondFactorMethod): Promise<User> {
    const user = viewer.user;
    const has = { [SecondFactorMethod.SMS]: !!user.phone, [SecondFactorMethod.TOTP]: !!user.totpSecret, [SecondFactorMethod.RECOVERY_CODE]: false };
    if (!has[method]) throw badInput('method', 'This second factor is not set up');
    const remaining = Number(!!user.phone) + Number(!!user.totpSecret) - 1;
    if (remaining === 0 && this.secondFactorRequired(user)) throw badInput('method', 'Your account needs a second factor: set up another one first', 'LAST_SECOND_FACTOR');
    return this.db.transaction(async (manager) => {
      await manager.update(User, user.id, method === SecondFactorMethod.SMS ? { phone: null } : { totpSecret: null, totpLastStep: null });
      if (remaining === 0) await manager.delete(RecoveryCode, { userId: user.id });
      await this.revokeSessions(manager, user.id, viewer.session);
      await audit(manager, { action: 'SECOND_FACTOR_REMOVED', actorId: user.id, subjectId: method, ip });
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  /** Where set-up is optional: the user declines it for now (My data still offers it). */
  async skipSecondFactor(viewer: Viewer): Promise<SignInPayload> {
    this.requireStep(viewer, SignInStep.SET_UP_SECOND_FACTOR);
    if (this.secondFactorRequired(viewer.user)) throw badInput('step', 'A second factor is required for your account', 'SECOND_FACTOR_REQUIRED');
    await this.db.getRepository(User).update(viewer.user.id, { secondFactorPromptedAt: new Date() });
    return this.advance(viewer);
  }
}
