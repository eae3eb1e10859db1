import { Column, Entity, Index } from 'typeorm';
import { LongTextColumn, RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';

export enum LinkPurpose { INVITATION = 'INVITATION', PASSWORD = 'PASSWORD' }

/** A set-password link: only the SHA-256 of its token is stored; single use. */
@Entity('link_token')
export class LinkToken extends Row {
  @Index({ unique: true }) @TextColumn(64) tokenHash: string;
  @Index() @RefColumn() userId: string;
  @TextColumn(16) purpose: LinkPurpose;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) usedAt: Date | null;
}

@Entity('recovery_code')
export class RecoveryCode extends Row {
  @Index() @RefColumn() userId: string;
  @TextColumn(64) codeHash: string;
  @TimeColumn({ nullable: true }) usedAt: Date | null;
}

export enum ChallengeKind { SMS_SIGN_IN = 'SMS_SIGN_IN', SMS_ENROLMENT = 'SMS_ENROLMENT', TOTP_ENROLMENT = 'TOTP_ENROLMENT' }

/** A pending code check bound to one session: an SMS code sent, or a TOTP secret being enrolled. */
@Entity('challenge')
export class Challenge extends Row {
  @Index() @RefColumn() sessionId: string;
  @Index() @RefColumn() userId: string;
  @TextColumn(20) kind: ChallengeKind;
  /** SHA-256 of an SMS code, or the sealed TOTP secret being enrolled. */
  @LongTextColumn() secret: string;
  @TextColumn(20, { nullable: true }) phone: string | null;
  @Column({ type: 'int', default: 0 }) failures: number;
  @TimeColumn() expiresAt: Date;
  @TimeColumn({ nullable: true }) usedAt: Date | null;
}

/** One failed password or code; counted per account and per IP over a sliding window. */
@Entity('failed_attempt')
@Index(['key', 'createdAt'])
export class FailedAttempt extends Row {
  @TextColumn(300) key: string;
}
