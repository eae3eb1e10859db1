import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../../graphql/errors.js';
import { FailedAttempt } from './auth.entities.js';

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.RATE_LIMITED, 'Too many attempts; try again later', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** Failed attempts counted in the database, so every server process sees the same counts. */
export class Throttle {
  constructor(
    private readonly db: DataSource,
    private readonly windowMs: number,
  ) {}

  /** RATE_LIMITED when any key has reached its limit within the window. */
  async check(limits: Record<string, number>): Promise<void> {
    const since = new Date(Date.now() - this.windowMs);
    for (const [key, limit] of Object.entries(limits)) {
      const recent = await this.db.getRepository(FailedAttempt).find({ where: { key, createdAt: MoreThan(since) }, order: { createdAt: 'ASC' }, select: { createdAt: true }, take: limit });
      if (recent.length >= limit) throw rateLimited((recent[0]!.createdAt.getTime() + this.windowMs - Date.now()) / 1000);
    }
  }

  async fail(keys: string[]): Promise<void> {
    await this.db.getRepository(FailedAttempt).save(keys.map((key) => this.db.getRepository(FailedAttempt).create({ key })));
    await this.db.getRepository(FailedAttempt).delete({ createdAt: LessThan(new Date(Date.now() - this.windowMs)) });
  }

  async clear(key: string): Promise<void> {
    await this.db.getRepository(FailedAttempt).delete({ key });
  }
}
