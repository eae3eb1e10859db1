import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access } from '../../graphql/auth.js';
import { SameForEveryCaller } from '../../realtime/same-for-every-caller.js';
import type { Context } from '../../graphql/context.js';
import { ErrorCode, callerOf, logRefusal } from '../../graphql/errors.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { Document } from '../document/document.entity.js';
import { DocumentCategory } from '../document/document.types.js';
import { User } from '../user/user.entity.js';
import { Dossier, ProgressStep } from './dossier.entity.js';
import { CreateDossierInput, DossierCounts, Home, Progress, ProgressStepInput, UnreadCounts, UpdateDossierInput } from './dossier.objects.js';
import { DossierStatus } from './dossier.types.js';

const DossierConnection = ConnectionType(Dossier, 'Dossier');
const DocumentConnection = ConnectionType(Document, 'Document');

@Resolver(() => Dossier)
export class DossierResolver {
  @Authorized()
  @Query(() => Home)
  home(@Ctx() { services, viewer }: Context) {
    return services.dossiers.home(viewer!);
  }

  @Authorized()
  @SameForEveryCaller()
  @Subscription(() => UnreadCounts, {
    description: "Every change of the viewer's unread or action counts.",
    subscribe: ({ context }: { context: Context }) => context.services.realtime.stream('counts', (change) => context.services.dossiers.unreadCountsAfter(context.viewer!, change)),
  })
  unreadCountsChanged(@Root() counts: UnreadCounts): UnreadCounts {
    return counts;
  }

  @Authorized()
  @Query(() => DossierConnection)
  dossiers(
    @Ctx() { services, viewer }: Context,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('statuses', () => [DossierStatus], { nullable: true }) statuses?: DossierStatus[] | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return services.dossiers.list(viewer!, { search, statuses, first, after });
  }

  @Authorized()
  @Query(() => Dossier, { nullable: true, description: 'Null (or a NOT_FOUND error) when it does not exist or the viewer may not see it: the two are not told apart.' })
  async dossier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const found = await ctx.services.dossiers.find(ctx.viewer!, id);
    if (!found) logRefusal(ErrorCode.NOT_FOUND, ['dossier'], callerOf(ctx));
    return found;
  }

  @FieldResolver(() => Progress)
  progress(@Root() dossier: Dossier, @Ctx() { services, loaders }: Context) {
    return services.dossiers.progress(loaders, dossier.id);
  }

  @FieldResolver(() => DossierCounts)
  counts(@Root() dossier: Dossier, @Ctx() { services, viewer, loaders }: Context) {
    return services.dossiers.counts(viewer!, loaders, dossier.id);
  }

  @FieldResolver(() => User, { nullable: true })
  handler(@Root() dossier: Dossier, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, dossier.handlerId);
  }

  @FieldResolver(() => DocumentConnection)
  documents(
    @Root() dossier: Dossier,
    @Arg('category', () => DocumentCategory) category: DocumentCategory,
    @Ctx() { services, viewer }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return services.documents.list(viewer!, dossier.id, category, { first, after });
  }

  @Authorized(Access.STAFF)
  @FieldResolver(() => [User], { description: 'Staff only: the users who can see this dossier.' })
  participants(@Root() dossier: Dossier, @Ctx() { services }: Context) {
    return services.dossiers.participants(dossier.id);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Dossier)
  createDossier(@Arg('input') input: CreateDossierInput, @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.create(viewer!, input, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Dossier)
  updateDossier(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateDossierInput, @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.update(viewer!, id, input, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Dossier)
  grantDossierAccess(@Arg('dossierId', () => ID) dossierId: string, @Arg('userId', () => ID) userId: string, @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.grant(viewer!, dossierId, userId, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Dossier)
  revokeDossierAccess(@Arg('dossierId', () => ID) dossierId: string, @Arg('userId', () => ID) userId: string, @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.revoke(viewer!, dossierId, userId, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Dossier)
  setProgressSteps(@Arg('dossierId', () => ID) dossierId: string, @Arg('steps', () => [ProgressStepInput]) steps: ProgressStepInput[], @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.setProgressSteps(viewer!, dossierId, steps, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => ProgressStep)
  setProgressStepDone(@Arg('stepId', () => ID) stepId: string, @Arg('done') done: boolean, @Ctx() { services, viewer, ip }: Context) {
    return services.dossiers.setProgressStepDone(viewer!, stepId, done, ip);
  }
}
