import { Column, Entity, Index } from 'typeorm';
import { RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';

/** A signed-in browser or device. Only the SHA-256 of the cookie's token is stored. */
@Entity('session')
export class Session extends Row {
  @Index({ unique: true })
  @TextColumn(64)
  tokenHash: string;

  @Index()
  @RefColumn()
  userId: string;

  /** The SignInStep this session stands at; only DONE opens the portal. */
  @TextColumn(32)
  step: string;

  @TimeColumn() lastSeenAt: Date;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
  /** Wrong second-factor codes entered in this sign-in; past the limit the session must start over. */
  @Column({ type: 'int', default: 0 }) failures: number;
}
