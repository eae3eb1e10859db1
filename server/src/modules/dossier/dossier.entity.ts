import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BeforeInsert, Column, Entity, Index } from 'typeorm';
import { FlagColumn, RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';
import { DossierStatus } from './dossier.types.js';

@Entity('dossier')
@ObjectType({ simpleResolvers: true })
@Index(['createdAt', 'id'])
export class Dossier extends Row {
  @Field(() => ID) declare id: string;
  @Field() @Index({ unique: true }) @TextColumn(50) number: string;
  @Field() @TextColumn(500) description: string;
  @Field(() => DossierStatus) @Index() @TextColumn(16) status: DossierStatus;
  @Index() @RefColumn({ nullable: true }) handlerId: string | null;
  @Field(() => Date) declare createdAt: Date;
  @Field(() => Date) @TimeColumn() updatedAt: Date;

  @BeforeInsert()
  protected stampUpdated() {
    this.updatedAt ??= new Date();
  }
}

/** Who may see a dossier: a client, or a company's main account (its extra accounts share it). */
@Entity('dossier_access')
@Index(['userId', 'dossierId'], { unique: true })
export class DossierAccess extends Row {
  @Index() @RefColumn() dossierId: string;
  @RefColumn() userId: string;
}

@Entity('progress_step')
@ObjectType({ simpleResolvers: true })
@Index(['dossierId', 'position'])
export class ProgressStep extends Row {
  @Field(() => ID) declare id: string;
  @RefColumn() dossierId: string;
  @Field() @TextColumn(200) title: string;
  @Field(() => Int) @Column({ type: 'int' }) position: number;
  @Field() @FlagColumn(false) done: boolean;
  @Field(() => Date, { nullable: true }) @TimeColumn({ nullable: true }) doneAt: Date | null;
}
