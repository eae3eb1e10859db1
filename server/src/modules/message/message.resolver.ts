import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { Loaders } from '../../graphql/loaders.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { UploadScalar, type FileUpload } from '../../graphql/scalars.js';
import { Document } from '../document/document.entity.js';
import { Dossier } from '../dossier/dossier.entity.js';
import { User } from '../user/user.entity.js';
import { Message, MessageDirection } from './message.entity.js';

@InputType()
export class SendMessageInput {
  @Field(() => ID) dossierId: string;
  @Field({ description: 'Required, 1 to 200 characters.' }) subject: string;
  @Field({ description: 'Required, 1 to 4000 characters.' }) body: string;
  @Field(() => ID, { nullable: true }) replyToId?: string | null;
  @Field(() => [UploadScalar], { nullable: true }) attachments?: Promise<FileUpload>[] | null;
  @Field(() => String, { nullable: true, description: 'A retry with the same key returns the first message instead of sending again.' }) idempotencyKey?: string | null;
}

const MessageConnection = ConnectionType(Message, 'Message');

@Resolver(() => Dossier)
export class DossierMessagesResolver {
  @FieldResolver(() => MessageConnection)
  messages(
    @Root() dossier: Dossier,
    @Ctx() { services, viewer }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return services.messages.list(viewer!, dossier.id, { first, after });
  }
}

@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => Dossier)
  async dossier(@Root() message: Message, @Ctx() { services, viewer }: Context) {
    return (await services.dossiers.find(viewer!, message.dossierId)) ?? Promise.reject(notFound('Dossier'));
  }

  @FieldResolver(() => User)
  author(@Root() message: Message, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, message.authorId);
  }

  @FieldResolver(() => MessageDirection)
  direction(@Root() message: Message, @Ctx() { services, viewer }: Context) {
    return services.messages.direction(viewer!, message);
  }

  @FieldResolver(() => Boolean)
  read(@Root() message: Message, @Ctx() { services, viewer, loaders }: Context) {
    return services.messages.isRead(viewer!, loaders, message);
  }

  @FieldResolver(() => Message, { nullable: true, description: 'The message this one answers; the PWA shows it below the reply.' })
  replyTo(@Root() message: Message, @Ctx() { services, viewer }: Context) {
    return services.messages.replyTo(viewer!, message);
  }

  @FieldResolver(() => [Document])
  attachments(@Root() message: Message, @Ctx() { services, loaders }: Context) {
    return services.messages.attachments(loaders, message);
  }

  @Authorized()
  @Mutation(() => Message)
  sendMessage(@Arg('input') input: SendMessageInput, @Ctx() { services, viewer, ip }: Context) {
    return services.messages.send(viewer!, input, ip);
  }

  @Authorized()
  @Subscription(() => Message, {
    description: 'New messages in a dossier the viewer can see, automatic replies included.',
    subscribe: async ({ args, context: { services, viewer } }: { args: { dossierId: string }; context: Context }) => {
      const dossier = await services.dossiers.get(viewer!, args.dossierId);
      return services.realtime.stream('message', async (added) => (added.dossierId === dossier.id ? services.messages.find(viewer!, added.messageId) : null));
    },
  })
  messageAdded(@Arg('dossierId', () => ID) _dossierId: string, @Root() message: Message, @Ctx() context: Context): Message {
    context.loaders = new Loaders(); // each event is a fresh read, not the first event's cache
    return message;
  }

  @Authorized()
  @Mutation(() => Message)
  markMessageRead(@Arg('id', () => ID) id: string, @Ctx() { services, viewer, ip }: Context) {
    return services.messages.markRead(viewer!, id, ip);
  }
}
