import { Brackets, IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import type { Viewer } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { logger } from '../../logger.js';
import { audit } from '../audit/audit.service.js';
import { LinkPurpose } from '../auth/auth.entities.js';
import type { AuthService } from '../auth/auth.service.js';
import { SignInStep, type SignInPayload } from '../auth/auth.types.js';
import { Dossier, DossierAccess } from '../dossier/dossier.entity.js';
import { User } from './user.entity.js';
import type { AbsenceInput, ExtraAccountInput, InviteUserInput, NotificationPreferencesInput, ProfileInput } from './user.inputs.js';
import { AccountKind, Gender, Language, Role } from './user.types.js';

const limits = { initials: 20, firstName: 100, infix: 30, lastName: 100, companyName: 200, absenceMessage: 2000 } as const;

/** Trims; empty becomes null; too long is refused with the field named, never cut. */
function text(field: keyof typeof limits, value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  if ([...trimmed].length > limits[field]) throw badInput(field, `At most ${limits[field]} characters`);
  if (/[\u0000-\u001f\u007f]/.test(trimmed) && field !== 'absenceMessage') throw badInput(field, 'Control characters are not allowed');
  return trimmed || null;
}

function email(value: string): string {
  const address = value.trim().toLowerCase();
  if (address.length > 254 || !z.email().safeParse(address).success) throw badInput('email', 'Enter a valid e-mail address');
  return address;
}

export class UserService {
  constructor(
    private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  /** BOOTSTRAP_ADMIN_EMAIL: on a database with no ADMIN yet, that address is invited as one. */
  async bootstrapAdmin(address: string | undefined): Promise<void> {
    if (!address || (await this.db.getRepository(User).existsBy({ role: Role.ADMIN }))) return;
    if (await this.db.getRepository(User).existsBy({ email: address })) {
      logger.warn({ email: address }, 'BOOTSTRAP_ADMIN_EMAIL belongs to an existing non-admin account; no admin was invited');
      return;
    }
    await this.db.transaction(async (manager) => {
      const admin = await manager.save(manager.create(User, { email: address, role: Role.ADMIN, accountKind: AccountKind.PERSON, language: Language.NL }));
      await this.auth.sendLink(manager, admin, LinkPurpose.INVITATION);
      await audit(manager, { action: 'INVITATION_SENT', subjectId: admin.id });
    });
    logger.info({ email: address }, 'the first admin has been invited');
  }

  private async assertFreeEmail(address: string) {
    if (await this.db.getRepository(User).existsBy({ email: address })) throw badInput('email', 'There is already an account with this e-mail address', 'EMAIL_TAKEN');
  }

  async invite(viewer: Viewer, input: InviteUserInput, ip: string): Promise<User> {
    const role = input.role ?? Role.CLIENT;
    if (role !== Role.CLIENT && viewer.user.role !== Role.ADMIN) throw forbidden();
    const accountKind = input.accountKind ?? AccountKind.PERSON;
    const companyName = text('companyName', input.companyName);
    if (accountKind === AccountKind.COMPANY && !companyName) throw badInput('companyName', 'A company account needs a company name');
    if (role !== Role.CLIENT && accountKind === AccountKind.COMPANY) throw badInput('accountKind', 'Staff accounts are personal');
    const address = email(input.email);
    await this.assertFreeEmail(address);
    return this.db.transaction(async (manager) => {
      const user = await manager.save(
        manager.create(User, {
          email: address,
          role,
          accountKind,
          companyName: companyName ?? null,
          initials: text('initials', input.initials) ?? null,
          firstName: text('firstName', input.firstName) ?? null,
          infix: text('infix', input.infix) ?? null,
          lastName: text('lastName', input.lastName) ?? null,
          language: input.language ?? Language.NL,
        }),
      );
      for (const dossierId of new Set(input.dossierIds ?? [])) {
        if (role !== Role.CLIENT || !(await manager.existsBy(Dossier, { id: dossierId }))) throw badInput('dossierIds', 'Dossier not found');
        await manager.save(manager.create(DossierAccess, { dossierId, userId: user.id }));
        await audit(manager, { action: 'ACCESS_GRANTED', actorId: viewer.user.id, dossierId, subjectId: user.id, ip });
      }
      await this.auth.sendLink(manager, user, LinkPurpose.INVITATION);
      await audit(manager, { action: 'INVITATION_SENT', actorId: viewer.user.id, subjectId: user.id, ip });
      return user;
    });
  }

  /** Staff may resend to anyone not yet active; a company's main account to its own extra accounts. */
  async resendInvitation(viewer: Viewer, userId: string, ip: string): Promise<boolean> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId, removedAt: IsNull() });
    if (!user) throw notFound('User');
    if (user.passwordHash) throw badInput('userId', 'This account is already active; the user can ask for a password link', 'ALREADY_ACTIVE');
    await this.db.transaction(async (manager) => {
      await this.auth.sendLink(manager, user, LinkPurpose.INVITATION);
      await audit(manager, { action: 'INVITATION_SENT', actorId: viewer.user.id, subjectId: user.id, ip });
    });
    return true;
  }

  list(_viewer: Viewer, args: { search?: string | null; role?: Role | null; first?: number | null; after?: string | null }) {
    const query = this.db.getRepository(User).createQueryBuilder('u').where('u.removedAt IS NULL');
    if (args.role) query.andWhere('u.role = :role', { role: args.role });
    const search = args.search?.trim().toLowerCase();
    if (search) {
      const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      query.andWhere(
        new Brackets((w) =>
          ['email', 'firstName', 'lastName', 'companyName', 'initials'].forEach((column) => w.orWhere(`LOWER(u.${column}) LIKE :like ESCAPE '!'`, { like })),
        ),
      );
    }
    return paginate(query, 'u', args);
  }

  async updateProfile(viewer: Viewer, input: ProfileInput): Promise<SignInPayload> {
    this.auth.requireStep(viewer, SignInStep.COMPLETE_PROFILE, SignInStep.DONE);
    const change: Partial<User> = {};
    if (input.gender !== undefined) change.gender = input.gender ?? Gender.UNKNOWN;
    for (const field of ['initials', 'firstName', 'infix', 'lastName'] as const) {
      const value = text(field, input[field]);
      if (value !== undefined) change[field] = value;
    }
    const merged = { ...viewer.user, ...change };
    for (const field of ['initials', 'firstName', 'lastName'] as const) if (!merged[field]) throw badInput(field, 'This field is required');
    await this.db.getRepository(User).update(viewer.user.id, change);
    return this.auth.advance(viewer);
  }

  async setAbsence(viewer: Viewer, input: AbsenceInput): Promise<User> {
    if (input.until && input.until.getTime() <= Date.now()) throw badInput('until', 'The end of the absence must lie in the future');
    const message = text('absenceMessage', input.message);
    if (input.enabled && !message) throw badInput('message', 'Write the message that is sent while you are away');
    return this.save(viewer, { absenceEnabled: input.enabled, absenceMessage: message ?? null, absenceUntil: input.until ?? null });
  }

  setLanguage(viewer: Viewer, language: Language): Promise<User> {
    return this.save(viewer, { language });
  }

  updateNotificationPreferences(viewer: Viewer, input: NotificationPreferencesInput): Promise<User> {
    const change: Partial<User> = {};
    if (input.newDocuments != null) change.notifyNewDocuments = input.newDocuments;
    if (input.newQuestionnaires != null) change.notifyNewQuestionnaires = input.newQuestionnaires;
    if (input.newMessages != null) change.notifyNewMessages = input.newMessages;
    return this.save(viewer, change);
  }

  private async save(viewer: Viewer, change: Partial<User>): Promise<User> {
    if (Object.keys(change).length) await this.db.getRepository(User).update(viewer.user.id, change);
    return this.db.getRepository(User).findOneByOrFail({ id: viewer.user.id });
  }

  // --- company accounts ---------------------------------------------------

  private requireMainAccount(viewer: Viewer) {
    if (!viewer.user.isMainAccount()) throw forbidden();
  }

  async extraAccounts(viewer: Viewer): Promise<User[]> {
    if (!viewer.user.isMainAccount()) return [];
    return this.db.getRepository(User).find({ where: { mainAccountId: viewer.user.id, removedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  async addExtraAccount(viewer: Viewer, input: ExtraAccountInput, ip: string): Promise<User> {
    this.requireMainAccount(viewer);
    const address = email(input.email);
    await this.assertFreeEmail(address);
    const main = viewer.user;
    return this.db.transaction(async (manager) => {
      const user = await manager.save(
        manager.create(User, {
          email: address,
          role: Role.CLIENT,
          accountKind: AccountKind.COMPANY,
          companyName: main.companyName,
          mainAccountId: main.id,
          initials: text('initials', input.initials) ?? null,
          firstName: text('firstName', input.firstName) ?? null,
          infix: text('infix', input.infix) ?? null,
          lastName: text('lastName', input.lastName) ?? null,
          language: main.language,
        }),
      );
      await this.auth.sendLink(manager, user, LinkPurpose.INVITATION);
      await audit(manager, { action: 'EXTRA_ACCOUNT_ADDED', actorId: main.id, subjectId: user.id, ip });
      return user;
    });
  }

  /** Only the main account's own extra accounts; any other id is reported as not found. */
  async removeExtraAccount(viewer: Viewer, userId: string, ip: string): Promise<boolean> {
    this.requireMainAccount(viewer);
    return this.db.transaction(async (manager) => {
      const { affected } = await manager.update(User, { id: userId, mainAccountId: viewer.user.id, removedAt: IsNull() }, { removedAt: new Date() });
      if (!affected) throw notFound('User');
      await this.auth.revokeSessions(manager, userId);
      await audit(manager, { action: 'EXTRA_ACCOUNT_REMOVED', actorId: viewer.user.id, subjectId: userId, ip });
      return true;
    });
  }
}
