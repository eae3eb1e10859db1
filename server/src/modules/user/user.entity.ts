import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { FlagColumn, LongTextColumn, RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';
import { AccountKind, Gender, Language, Role } from './user.types.js';

@ObjectType({ simpleResolvers: true })
export class Profile {
  @Field(() => Gender) gender: Gender;
  @Field(() => String, { nullable: true }) initials: string | null;
  @Field(() => String, { nullable: true }) firstName: string | null;
  @Field(() => String, { nullable: true }) infix: string | null;
  @Field(() => String, { nullable: true }) lastName: string | null;
  @Field() displayName: string;
}

@ObjectType({ simpleResolvers: true })
export class Absence {
  @Field() enabled: boolean;
  @Field(() => String, { nullable: true }) message: string | null;
  @Field(() => Date, { nullable: true }) until: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class NotificationPreferences {
  @Field() newDocuments: boolean;
  @Field() newQuestionnaires: boolean;
  @Field() newMessages: boolean;
}

/** Fields without @Field (password hash, TOTP secret, phone) never reach the schema. */
@Entity('user')
@ObjectType({ simpleResolvers: true })
export class User extends Row {
  @Field(() => ID)
  declare id: string;

  /** Stored trimmed and lower-cased, so uniqueness is case-insensitive on every dialect. */
  @Field()
  @Index({ unique: true })
  @TextColumn(254)
  email: string;

  @Field(() => Role)
  @TextColumn(16)
  role: Role;

  @Field(() => AccountKind)
  @TextColumn(16, { default: AccountKind.PERSON })
  accountKind: AccountKind;

  @Field(() => String, { nullable: true })
  @TextColumn(200, { nullable: true })
  companyName: string | null;

  /** For an extra account of a company: the main account whose access it shares. */
  @Index()
  @RefColumn({ nullable: true })
  mainAccountId: string | null;

  @TextColumn(16, { default: Gender.UNKNOWN }) gender: Gender;
  @TextColumn(20, { nullable: true }) initials: string | null;
  @TextColumn(100, { nullable: true }) firstName: string | null;
  @TextColumn(30, { nullable: true }) infix: string | null;
  @TextColumn(100, { nullable: true }) lastName: string | null;

  @Field(() => Language)
  @TextColumn(2, { default: Language.NL })
  language: Language;

  @LongTextColumn({ nullable: true }) passwordHash: string | null;
  /** E.164, set once an SMS enrolment is confirmed. */
  @TextColumn(20, { nullable: true }) phone: string | null;
  /** AES-256-GCM sealed, set once a TOTP enrolment is confirmed. */
  @LongTextColumn({ nullable: true }) totpSecret: string | null;
  /** The last TOTP time step accepted, so a code is never accepted twice. */
  @Column({ type: 'int', nullable: true }) totpLastStep: number | null;

  /** When the user last declined an optional second-factor set-up. */
  @TimeColumn({ nullable: true }) secondFactorPromptedAt: Date | null;

  @FlagColumn(true) notifyNewDocuments: boolean;
  @FlagColumn(true) notifyNewQuestionnaires: boolean;
  @FlagColumn(true) notifyNewMessages: boolean;

  @FlagColumn(false) absenceEnabled: boolean;
  @TextColumn(2000, { nullable: true }) absenceMessage: string | null;
  @TimeColumn({ nullable: true }) absenceUntil: Date | null;

  @Field(() => String, { nullable: true })
  @TextColumn(100, { nullable: true })
  termsAcceptedVersion: string | null;

  /** Set when staff removes the account: it can no longer sign in or see anything. */
  @Index() @TimeColumn({ nullable: true }) removedAt: Date | null;

  @Field(() => Date)
  declare createdAt: Date;

  @Field()
  isMainAccount(): boolean {
    return this.accountKind === AccountKind.COMPANY && !this.mainAccountId;
  }

  @Field(() => Profile)
  profile(): Profile {
    const { gender, initials, firstName, infix, lastName } = this;
    const displayName = [firstName ?? initials, infix, lastName].filter(Boolean).join(' ') || this.companyName || this.email;
    return { gender, initials, firstName, infix, lastName, displayName };
  }

  @Field(() => Absence)
  absence(): Absence {
    return { enabled: this.absenceEnabled, message: this.absenceMessage, until: this.absenceUntil };
  }

  @Field(() => NotificationPreferences)
  notificationPreferences(): NotificationPreferences {
    return { newDocuments: this.notifyNewDocuments, newQuestionnaires: this.notifyNewQuestionnaires, newMessages: this.notifyNewMessages };
  }

  maskedPhone(): string | null {
    return this.phone ? '*'.repeat(Math.max(this.phone.length - 4, 0)) + this.phone.slice(-4) : null;
  }
}
