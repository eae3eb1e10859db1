import { Field, ID, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { RefColumn, Row, TextColumn } from '../../db/columns.js';
import { User } from '../user/user.entity.js';

@Entity('audit_event')
@ObjectType()
@Index(['dossierId', 'createdAt'])
@Index(['createdAt'])
export class AuditEvent extends Row {
  @Field(() => ID) declare id: string;
  @Field(() => Date, { name: 'at' }) declare createdAt: Date;
  @Index() @RefColumn({ nullable: true }) actorId: string | null;
  @Field(() => User, { nullable: true }) actor?: User | null;
  @Field({ description: 'e.g. SIGN_IN, SIGN_IN_FAILED, DOCUMENT_DOWNLOADED, MESSAGE_SENT, ACCESS_GRANTED' })
  @Index()
  @TextColumn(40)
  action: string;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) dossierId: string | null;
  @Field(() => ID, { nullable: true }) @RefColumn({ nullable: true }) subjectId: string | null;
  @TextColumn(64, { nullable: true }) ip: string | null;
}
