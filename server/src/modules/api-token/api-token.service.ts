import { IsNull, type DataSource } from 'typeorm';
import type { Viewer } from '../../graphql/context.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { randomToken, sha256 } from '../../security/secrets.js';
import { audit } from '../audit/audit.service.js';
import { SignInStep } from '../auth/auth.types.js';
import { User } from '../user/user.entity.js';
import { isStaff } from '../user/user.types.js';
import { ApiToken, type ApiTokenCreated } from './api-token.entity.js';

/** Tokens start with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'kluis_';
const NAME_MAX = 100;
/** lastUsedAt is written at most this often per token, so a busy integration costs no write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** API tokens for integrators: created by staff, shown once, stored hashed, revoked at once. */
export class ApiTokenService {
  constructor(private readonly db: DataSource) {}

  /** The creator behind `Authorization: Bearer <token>`, or null for anything else, a revoked token or a removed creator. */
  async authenticate(authorization: string): Promise<Viewer | null> {
    const token = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
    if (!token) return null;
    const found = await this.db.getRepository(ApiToken).findOneBy({ tokenHash: sha256(token), revokedAt: IsNull() });
    if (!found) return null;
    const user = await this.db.getRepository(User).findOneBy({ id: found.userId, removedAt: IsNull() });
    if (!user || !isStaff(user.role)) return null;
    const now = new Date();
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
      // Conditional, so parallel requests write once.
      await this.db
        .createQueryBuilder()
        .update(ApiToken)
        .set({ lastUsedAt: now })
        .where('id = :id AND (lastUsedAt IS NULL OR lastUsedAt < :stale)', { id: found.id, stale })
        .execute();
    }
    return { user, session: null, step: SignInStep.DONE };
  }

  list(viewer: Viewer): Promise<ApiToken[]> {
    return this.db.getRepository(ApiToken).find({ where: { userId: viewer.user.id, revokedAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async create(viewer: Viewer, name: string, ip: string): Promise<ApiTokenCreated> {
    // A token cannot mint tokens: a leaked one would otherwise outlive its own revocation.
    if (!viewer.session) throw forbidden();
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name', 'Give the token a name, e.g. the integration that uses it', 'REQUIRED');
    if (trimmed.length > NAME_MAX) throw badInput('name', `The name may be at most ${NAME_MAX} characters`, 'TOO_LONG');
    const token = TOKEN_PREFIX + randomToken();
    const apiToken = await this.db.transaction(async (manager) => {
      const saved = await manager.save(manager.create(ApiToken, { name: trimmed, tokenHash: sha256(token), userId: viewer.user.id, lastUsedAt: null, revokedAt: null }));
      await audit(manager, { action: 'API_TOKEN_CREATED', actorId: viewer.user.id, subjectId: saved.id, ip });
      return saved;
    });
    return { token, apiToken };
  }

  /** Revokes one of the viewer's own tokens; again is fine, another's or an unknown one is NOT_FOUND. */
  async revoke(viewer: Viewer, id: string, ip: string): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      const found = await manager.findOneBy(ApiToken, { id, userId: viewer.user.id });
      if (!found) throw notFound('API token');
      if (found.revokedAt) return true;
      await manager.update(ApiToken, { id }, { revokedAt: new Date() });
      await audit(manager, { action: 'API_TOKEN_REVOKED', actorId: viewer.user.id, subjectId: id, ip });
      return true;
    });
  }
}
