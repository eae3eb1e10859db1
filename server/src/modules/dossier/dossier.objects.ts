import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DossierStatus } from './dossier.types.js';
import { ProgressStep } from './dossier.entity.js';

@ObjectType({ simpleResolvers: true })
export class TabCount {
  @Field(() => Int) total: number;
  @Field(() => Int) unread: number;
}

@ObjectType({ simpleResolvers: true })
export class DossierCounts {
  @Field(() => TabCount) correspondence: TabCount;
  @Field(() => TabCount) documents: TabCount;
  @Field(() => TabCount) provided: TabCount;
  @Field(() => TabCount) messages: TabCount;
}

@ObjectType({ simpleResolvers: true, description: "done/total is the '(4/10)' beside Voortgang; (0/0) when there is no list." })
export class Progress {
  @Field(() => Int) done: number;
  @Field(() => Int) total: number;
  @Field(() => [ProgressStep]) steps: ProgressStep[];
}

@ObjectType({ simpleResolvers: true })
export class Home {
  @Field(() => Int) dossiersInProgress: number;
  @Field(() => Int) dossiersTotal: number;
  @Field(() => Int, { description: 'Open questionnaires (OPEN or IN_PROGRESS) assigned to the viewer.' }) openActions: number;
  @Field(() => Int) unreadTotal: number;
  @Field(() => ID, { nullable: true, description: 'Set when the viewer can see exactly one dossier: the PWA opens it directly.' }) singleDossierId: string | null;
}

/** Pushed by unreadCountsChanged: one dossier's counts and the totals, as they are now. */
@ObjectType({ simpleResolvers: true })
export class UnreadCounts {
  @Field(() => ID, { nullable: true, description: 'The dossier whose counts changed; null when only openActions changed.' }) dossierId: string | null;
  @Field(() => DossierCounts, { nullable: true }) counts: DossierCounts | null;
  @Field(() => Int) openActions: number;
  @Field(() => Int) unreadTotal: number;
}

@InputType()
export class CreateDossierInput {
  @Field() number: string;
  @Field() description: string;
  @Field(() => DossierStatus, { nullable: true, description: 'Default IN_PROGRESS.' }) status?: DossierStatus | null;
  @Field(() => ID, { nullable: true }) handlerId?: string | null;
  @Field(() => [ID], { nullable: true }) clientIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Titles of the progress steps, in order, none done.' }) progressSteps?: string[] | null;
}

@InputType()
export class UpdateDossierInput {
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => DossierStatus, { nullable: true }) status?: DossierStatus | null;
  @Field(() => ID, { nullable: true }) handlerId?: string | null;
}

@InputType()
export class ProgressStepInput {
  @Field() title: string;
  @Field(() => Boolean, { nullable: true }) done?: boolean | null;
}
