import { Column, Entity, Index } from 'typeorm';
import { LongTextColumn, Row, TextColumn, TimeColumn } from '../db/columns.js';

export enum OutboxChannel {
  MAIL = 'MAIL',
  SMS = 'SMS',
}

/**
 * An e-mail or SMS written in the same transaction as the change that causes it.
 * `dueAt` is null once it is settled: sent, or refused for good.
 */
@Entity()
export class OutboxItem extends Row {
  @TextColumn(8)
  channel: OutboxChannel;

  /** Sealed JSON (recipient and content); cleared once settled, because links and codes in it are secrets. */
  @LongTextColumn({ nullable: true })
  payload: string | null;

  /** Another item with the same key waiting to be sent makes this one redundant (a batch window). */
  @TextColumn(200, { nullable: true, unique: true })
  dedupeKey: string | null;

  @Index()
  @TimeColumn({ nullable: true })
  dueAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** A dispatcher holds the item until then; after a crash another may take it over. */
  @TimeColumn({ nullable: true })
  claimedUntil: Date | null;

  @TimeColumn({ nullable: true })
  sentAt: Date | null;

  @TimeColumn({ nullable: true })
  failedAt: Date | null;

  @TextColumn(500, { nullable: true })
  lastError: string | null;
}
