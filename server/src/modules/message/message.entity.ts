import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { FlagColumn, RefColumn, Row, TextColumn } from '../../db/columns.js';

export enum MessageDirection { INCOMING = 'INCOMING', OUTGOING = 'OUTGOING' }
registerEnumType(MessageDirection, { name: 'MessageDirection', description: 'Relative to the viewer: INCOMING was written by the other side.' });

export const SUBJECT_MAX = 200;
export const BODY_MAX = 4000;

@Entity('message')
@ObjectType({ simpleResolvers: true })
// A dossier's messages in order; with fromOffice, its counts per side come from the index alone.
@Index(['dossierId', 'createdAt', 'fromOffice'])
@Index(['authorId', 'idempotencyKey'], { unique: true })
export class Message extends Row {
  @Field(() => ID) declare id: string;
  @RefColumn() dossierId: string;
  /** The first message of the conversation this one belongs to (itself for a new one). */
  @Index() @RefColumn() threadId: string;
  @Field() @TextColumn(SUBJECT_MAX) subject: string;
  @Field() @Column({ type: 'varchar', length: BODY_MAX }) body: string;
  @RefColumn() authorId: string;
  /** Whether the author is on the office's side; fixes the direction for every viewer. */
  @FlagColumn(false) fromOffice: boolean;
  @RefColumn({ nullable: true }) replyToId: string | null;
  @Field({ description: 'True for an absence auto-reply.' }) @FlagColumn(false) automatic: boolean;
  @TextColumn(100, { nullable: true }) idempotencyKey: string | null;
  /** SHA-256 of what was sent, so a retry with the same key and other content is refused. */
  @TextColumn(64, { nullable: true }) contentHash: string | null;
  @Field(() => Date) declare createdAt: Date;
}

@Entity('message_read')
@Index(['userId', 'messageId'], { unique: true })
export class MessageRead extends Row {
  @Index() @RefColumn() messageId: string;
  @RefColumn() userId: string;
}
