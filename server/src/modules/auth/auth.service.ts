import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { IsNull, type DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Viewer } from '../../graphql/context.js';
import { User } from '../user/user.entity.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'kluis_session';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly config: Config,
  ) {}

  /** The viewer behind a request's session cookie, or null. Sliding idle timeout, fixed absolute one. */
  async authenticate(headers: IncomingHttpHeaders): Promise<Viewer | null> {
    const token = headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
    if (!token) return null;
    const session = await this.db.getRepository(Session).findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + this.config.session.idleMs <= now) return null;
    const user = await this.db.getRepository(User).findOneBy({ id: session.userId, removedAt: IsNull() });
    if (!user) return null;
    if (now - session.lastSeenAt.getTime() > 60_000) {
      await this.db.getRepository(Session).update(session.id, { lastSeenAt: new Date(now) });
    }
    return { user, session, step: session.step };
  }
}
