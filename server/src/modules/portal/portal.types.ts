import { Field, Int, ObjectType } from 'type-graphql';
import { Language } from '../user/user.types.js';

@ObjectType({ simpleResolvers: true, description: 'Public facts about this portal, readable before sign-in (login page branding, terms).' })
export class Portal {
  @Field() name: string;
  @Field() requireSecondFactor: boolean;
  @Field(() => String, { nullable: true }) termsVersion: string | null;
  @Field(() => String, { nullable: true }) termsText: string | null;
  @Field(() => [Language]) languages: Language[];
  @Field(() => Int, { description: 'The largest file accepted, in MiB (MAX_UPLOAD_MB): a client can refuse a larger one before sending it.' })
  maxUploadMb: number;
  @Field(() => Int, { description: 'The most files one request may carry (a message\'s attachments).' })
  maxUploadFiles: number;
}
