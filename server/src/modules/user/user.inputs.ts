import { Field, ID, InputType } from 'type-graphql';
import { AccountKind, Gender, Language, Role } from './user.types.js';

@InputType()
export class ProfileInput {
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true }) initials?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) infix?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
}

@InputType()
export class AbsenceInput {
  @Field() enabled: boolean;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field(() => Date, { nullable: true }) until?: Date | null;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => Boolean, { nullable: true }) newDocuments?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newQuestionnaires?: boolean | null;
  @Field(() => Boolean, { nullable: true }) newMessages?: boolean | null;
}

@InputType()
export class InviteUserInput {
  @Field() email: string;
  @Field(() => Role, { nullable: true, description: 'Default CLIENT; only an ADMIN may invite STAFF or ADMIN.' }) role?: Role | null;
  @Field(() => AccountKind, { nullable: true }) accountKind?: AccountKind | null;
  @Field(() => String, { nullable: true }) companyName?: string | null;
  @Field(() => String, { nullable: true }) initials?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) infix?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => Language, { nullable: true }) language?: Language | null;
  @Field(() => [ID], { nullable: true, description: 'Dossiers the new user may see from the start.' }) dossierIds?: string[] | null;
}

@InputType()
export class ExtraAccountInput {
  @Field() email: string;
  @Field(() => String, { nullable: true }) initials?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) infix?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
}
