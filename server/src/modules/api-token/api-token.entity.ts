import { Field, ID, ObjectType } from 'type-graphql';
import { Entity, Index } from 'typeorm';
import { RefColumn, Row, TextColumn, TimeColumn } from '../../db/columns.js';

/** An integrator's key that acts as the staff member who created it. Only the SHA-256 of the token is stored. */
@Entity('api_token')
@ObjectType({ simpleResolvers: true })
export class ApiToken extends Row {
  @Field(() => ID) declare id: string;
  @Field() @TextColumn(100) name: string;
  @Field(() => Date) declare createdAt: Date;
  @Field(() => Date, { nullable: true }) @TimeColumn({ nullable: true }) lastUsedAt: Date | null;

  @Index({ unique: true }) @TextColumn(64) tokenHash: string;
  @Index() @RefColumn() userId: string;
  @TimeColumn({ nullable: true }) revokedAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class ApiTokenCreated {
  @Field({ description: "Shown once. Send as 'Authorization: Bearer <token>'; it acts as its creator." }) token: string;
  @Field(() => ApiToken) apiToken: ApiToken;
}
