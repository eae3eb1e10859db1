import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, Public } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { SecondFactorMethod, SignInPayload } from '../auth/auth.types.js';
import { User } from './user.entity.js';
import { AbsenceInput, ExtraAccountInput, InviteUserInput, NotificationPreferencesInput, ProfileInput } from './user.inputs.js';
import { Language, Role, isStaff } from './user.types.js';

const UserConnection = ConnectionType(User, 'User');

/** Account details are for the account itself, its company's main account, and staff; other viewers see a user's name, not how they sign in. */
const seesAccountOf = ({ viewer }: Context, user: User) =>
  !!viewer && (viewer.user.id === user.id || viewer.user.id === user.mainAccountId || isStaff(viewer.user.role));

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => [SecondFactorMethod], { description: 'Enrolled second factors; RECOVERY_CODE while unused codes remain.' })
  secondFactors(@Root() user: User, @Ctx() ctx: Context) {
    return seesAccountOf(ctx, user) ? ctx.services.auth.methods(user) : [];
  }

  @FieldResolver(() => String, { nullable: true, description: 'The SMS number with all but its last digits hidden, e.g. ******5678.' })
  maskedPhone(@Root() user: User, @Ctx() ctx: Context) {
    return seesAccountOf(ctx, user) ? user.maskedPhone() : null;
  }

  @Public()
  @Query(() => User, { nullable: true, description: 'Null when not signed in.' })
  me(@Ctx() { viewer }: Context) {
    return viewer?.user ?? null;
  }

  @Authorized(Access.STAFF)
  @Query(() => UserConnection, { description: 'Staff only.' })
  users(
    @Ctx() { services, viewer }: Context,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('role', () => Role, { nullable: true }) role?: Role | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return services.users.list(viewer!, { search, role, first, after });
  }

  @Authorized()
  @Query(() => [User], { description: "A company main account's extra accounts." })
  extraAccounts(@Ctx() { services, viewer }: Context) {
    return services.users.extraAccounts(viewer!);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SignInPayload, { description: 'Advances COMPLETE_PROFILE once initials, first name and last name are set.' })
  updateProfile(@Arg('input') input: ProfileInput, @Ctx() { services, viewer }: Context) {
    return services.users.updateProfile(viewer!, input);
  }

  @Authorized()
  @Mutation(() => User)
  setAbsence(@Arg('input') input: AbsenceInput, @Ctx() { services, viewer }: Context) {
    return services.users.setAbsence(viewer!, input);
  }

  @Authorized()
  @Mutation(() => User)
  setLanguage(@Arg('language', () => Language) language: Language, @Ctx() { services, viewer }: Context) {
    return services.users.setLanguage(viewer!, language);
  }

  @Authorized()
  @Mutation(() => User)
  updateNotificationPreferences(@Arg('input') input: NotificationPreferencesInput, @Ctx() { services, viewer }: Context) {
    return services.users.updateNotificationPreferences(viewer!, input);
  }

  @Authorized()
  @Mutation(() => User)
  addExtraAccount(@Arg('input') input: ExtraAccountInput, @Ctx() { services, viewer, ip }: Context) {
    return services.users.addExtraAccount(viewer!, input, ip);
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeExtraAccount(@Arg('userId', () => ID) userId: string, @Ctx() { services, viewer, ip }: Context) {
    return services.users.removeExtraAccount(viewer!, userId, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => User)
  inviteUser(@Arg('input') input: InviteUserInput, @Ctx() { services, viewer, ip }: Context) {
    return services.users.invite(viewer!, input, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Boolean)
  resendInvitation(@Arg('userId', () => ID) userId: string, @Ctx() { services, viewer, ip }: Context) {
    return services.users.resendInvitation(viewer!, userId, ip);
  }
}
