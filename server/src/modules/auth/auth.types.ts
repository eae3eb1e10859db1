import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../user/user.entity.js';

export enum SignInStep {
  SECOND_FACTOR = 'SECOND_FACTOR',
  ACCEPT_TERMS = 'ACCEPT_TERMS',
  SET_UP_SECOND_FACTOR = 'SET_UP_SECOND_FACTOR',
  COMPLETE_PROFILE = 'COMPLETE_PROFILE',
  DONE = 'DONE',
}
export enum SecondFactorMethod { SMS = 'SMS', TOTP = 'TOTP', RECOVERY_CODE = 'RECOVERY_CODE' }

registerEnumType(SignInStep, {
  name: 'SignInStep',
  description: 'Where a sign-in stands. Every step but DONE leaves the session restricted to the\noperations that finish that step.',
});
registerEnumType(SecondFactorMethod, { name: 'SecondFactorMethod' });

@ObjectType({ simpleResolvers: true })
export class SignInPayload {
  @Field(() => SignInStep) step: SignInStep;
  @Field(() => [SecondFactorMethod], { description: 'At SECOND_FACTOR: the methods this account can use.' }) methods: SecondFactorMethod[];
  @Field(() => User, { nullable: true }) user: User | null;
}

@ObjectType({ simpleResolvers: true })
export class TotpEnrollment {
  @Field() secret: string;
  @Field() otpauthUri: string;
  @Field({ description: 'An SVG image of the otpauth URI as a QR code.' }) qrCodeSvg: string;
}

@ObjectType({ simpleResolvers: true })
export class SecondFactorEnrollment {
  @Field(() => User) user: User;
  @Field(() => SignInStep, { description: 'The sign-in step that comes next (during set-up: COMPLETE_PROFILE or DONE).' }) step: SignInStep;
  @Field(() => [String], { description: 'Shown once, when the first second factor is enrolled or codes are regenerated; empty otherwise.' })
  recoveryCodes: string[];
}
