import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../../graphql/errors.js';
import { sha256 } from '../../security/secrets.js';
import { FailedAttempt } from './auth.entities.js';

/** Keys carry what the caller typed (an address); past the column's 300 characters they are kept hashed. */
const stored = (key: string) => (key.length <= 300 ? key : `sha256:${sha256(key)}`);

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.RATE_LIMITED, 'Too many attempts; try again later', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** Failed attempts counted in the database, so every server process sees the same counts. */
export class Throttle {
  constructor(
    private readonly db: DataSource,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts this attempt as a failure first and then checks the limits, so attempts sent at once cannot all
   * pass a check that comes before their failure is written. RATE_LIMITED (and not counted) past any limit;
   * `succeeded()` takes the attempt back.
   */
  async begin(limits: Record<string, number>): Promise<{ succeeded(): Promise<void> }> {
    const repo = this.db.getRepository(FailedAttempt);
    const rows = await repo.save(Object.keys(limits).map((key) => repo.create({ key: stored(key) })));
    const taken = () => repo.delete(rows.map((r) => r.id)).then(() => undefined);
    const since = new Date(Date.now() - this.windowMs);
    for (const [key, limit] of Object.entries(limits)) {
      const recent = await repo.find({ where: { key: stored(key), createdAt: MoreThan(since) }, order: { createdAt: 'ASC' }, select: { createdAt: true }, take: limit + 1 });
      if (recent.length > limit) {
        await taken();
        throw rateLimited((recent[0]!.createdAt.getTime() + this.windowMs - Date.now()) / 1000);
      }
    }
    await repo.delete({ createdAt: LessThan(since) });
    return { succeeded: taken };
  }

  async clear(key: string): Promise<void> {
    await this.db.getRepository(FailedAttempt).delete({ key: stored(key) });
  }
}
