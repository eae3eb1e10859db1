import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { logger } from '../logger.js';
import type { MailContent } from '../mail/mail.templates.js';
import type { Mailer } from '../mail/mailer.js';
import type { Sealer } from '../security/secrets.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { OutboxChannel, OutboxItem } from './outbox.entity.js';

type Payload = { to: string; mail: MailContent } | { to: string; sms: string };

export interface OutboxOptions {
  /** First retry after this long; each next one waits twice as long, up to an hour. */
  retryBaseMs: number;
  pollMs: number;
}

const LEASE_MS = 5 * 60_000;
const MAX_RETRY_MS = 3_600_000;
const KEEP_SENT_MS = 30 * 24 * 3_600_000;
const PENDING = 'outboxPending';

/**
 * A transactional outbox: signals are rows written by the transaction that causes
 * them, so a rollback sends nothing and a crash loses nothing. A dispatcher in
 * every process claims due rows with a lease, sends, and retries with backoff.
 * Delivery is at least once: only a crash between a provider's acceptance and our
 * bookkeeping sends twice, and then with the same Message-ID or client-ref.
 */
export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: DataSource,
    private readonly sealer: Sealer,
    private readonly mailer: Mailer,
    private readonly smsSender: SmsSender,
    private readonly options: OutboxOptions,
    private readonly messageIdHost: string,
  ) {
    const outbox = this;
    const kickAfterCommit: EntitySubscriberInterface = {
      afterTransactionCommit({ queryRunner }: TransactionCommitEvent) {
        if (queryRunner.isTransactionActive || !queryRunner.data[PENDING]) return;
        delete queryRunner.data[PENDING];
        outbox.kick();
      },
    };
    db.subscribers.push(kickAfterCommit);
  }

  /** Writes an e-mail into the outbox as part of `manager`'s transaction. */
  mail(manager: EntityManager, to: string, mail: MailContent, options: { delayMs?: number; dedupeKey?: string } = {}): Promise<void> {
    return this.add(manager, OutboxChannel.MAIL, { to, mail }, options);
  }

  sms(manager: EntityManager, to: string, text: string): Promise<void> {
    return this.add(manager, OutboxChannel.SMS, { to, sms: text }, {});
  }

  private async add(manager: EntityManager, channel: OutboxChannel, payload: Payload, { delayMs = 0, dedupeKey }: { delayMs?: number; dedupeKey?: string }) {
    const now = new Date();
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxItem)
      .values({ id: randomUUID(), createdAt: now, channel, payload: this.sealer.seal(JSON.stringify(payload)), dedupeKey: dedupeKey ?? null, dueAt: new Date(now.getTime() + delayMs), attempts: 0 })
      .orIgnore()
      .execute();
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) runner.data[PENDING] = true;
    else if (delayMs === 0) this.kick();
  }

  async start(): Promise<void> {
    this.closed = false;
    await this.db.getRepository(OutboxItem).createQueryBuilder().delete().where('sentAt < :before', { before: new Date(Date.now() - KEEP_SENT_MS) }).execute();
    this.kick();
  }

  /** Looks for due items now, and then every poll interval. */
  kick(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.draining = this.drain()
      .catch((err) => logger.warn({ err }, 'the outbox could not be read; it tries again'))
      .finally(() => {
        this.draining = undefined;
        if (this.closed) return;
        const soon = this.again;
        this.again = false;
        this.timer = setTimeout(() => this.kick(), soon ? 20 : this.options.pollMs).unref();
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  /** Sends every item that is due; resolves when none is left. */
  async drain(): Promise<void> {
    // SQLite shares one connection: while a transaction is open, its uncommitted rows would show here.
    if (this.db.options.type === 'better-sqlite3' && this.db.createQueryRunner().isTransactionActive) {
      this.again = true;
      return;
    }
    const repo = this.db.getRepository(OutboxItem);
    for (;;) {
      const now = new Date();
      const due = await repo
        .createQueryBuilder('item')
        .select(['item.id'])
        .where('item.dueAt <= :now AND (item.claimedUntil IS NULL OR item.claimedUntil < :now)', { now })
        .orderBy('item.dueAt')
        .limit(20)
        .getMany();
      if (!due.length || this.closed) return;
      for (const { id } of due) {
        if (this.closed) return;
        await this.deliver(id);
      }
    }
  }

  private async deliver(id: string): Promise<void> {
    const repo = this.db.getRepository(OutboxItem);
    const now = new Date();
    const { affected } = await repo
      .createQueryBuilder()
      .update()
      .set({ claimedUntil: new Date(now.getTime() + LEASE_MS) })
      .where('id = :id AND dueAt <= :now AND (claimedUntil IS NULL OR claimedUntil < :now)', { id, now })
      .execute();
    if (!affected) return; // another process has it
    const item = await repo.findOneByOrFail({ id });
    const attempts = item.attempts + 1;
    try {
      const payload = JSON.parse(this.sealer.open(item.payload!)) as Payload;
      if ('mail' in payload) await this.mailer.send(payload.to, payload.mail, `<${item.id}@${this.messageIdHost}>`);
      else await this.smsSender.send(payload.to, payload.sms, item.id);
    } catch (err) {
      const lastError = describe(err);
      if (isPermanent(err)) {
        logger.error({ err, outboxId: id, channel: item.channel }, 'an e-mail or SMS was refused for good');
        await repo.update(id, { attempts, dueAt: null, claimedUntil: null, failedAt: new Date(), payload: null, dedupeKey: null, lastError });
      } else {
        const waitMs = Math.min(MAX_RETRY_MS, this.options.retryBaseMs * 2 ** (attempts - 1)) * (0.9 + Math.random() * 0.2);
        logger.warn({ outboxId: id, channel: item.channel, attempts, retryInMs: Math.round(waitMs), error: lastError }, 'could not send an e-mail or SMS; it is retried');
        await repo.update(id, { attempts, dueAt: new Date(Date.now() + waitMs), claimedUntil: null, lastError });
      }
      return;
    }
    await repo.update(id, { attempts, dueAt: null, claimedUntil: null, sentAt: new Date(), payload: null, dedupeKey: null, lastError: null });
  }
}

/** A 5xx SMTP reply, or Vonage statuses other than throttled (1) and internal error (5), will not get better by waiting. */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; getFailedMessages?: () => { status: string }[] };
  if (typeof e.responseCode === 'number') return e.responseCode >= 500;
  if (typeof e.getFailedMessages === 'function') return e.getFailedMessages().every((m) => !['1', '5'].includes(String(m.status)));
  return false;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 500);
