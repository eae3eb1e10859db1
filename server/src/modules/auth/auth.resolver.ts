import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Public } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { SecondFactorEnrollment, SecondFactorMethod, SignInPayload, SignInStep, TotpEnrollment } from './auth.types.js';
import { User } from '../user/user.entity.js';

@Resolver()
export class AuthResolver {
  @Public()
  @Query(() => SignInStep, { nullable: true, description: 'Where the current session stands; null when not signed in.' })
  signInStep(@Ctx() { viewer }: Context): SignInStep | null {
    return (viewer?.step as SignInStep) ?? null;
  }

  @Public()
  @Mutation(() => SignInPayload)
  signIn(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: Context) {
    return ctx.services.auth.signIn(ctx, email, password);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => Boolean)
  sendSignInSmsCode(@Ctx() { services, viewer }: Context) {
    return services.auth.sendSignInSmsCode(viewer!);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SignInPayload)
  verifySecondFactor(@Arg('method', () => SecondFactorMethod) method: SecondFactorMethod, @Arg('code') code: string, @Ctx() ctx: Context) {
    return ctx.services.auth.verifySecondFactor(ctx, method, code);
  }

  @Public()
  @Mutation(() => Boolean)
  signOut(@Ctx() ctx: Context) {
    return ctx.services.auth.signOut(ctx);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Always true, whether or not the address is known. Sends a set-password link when it is.' })
  requestPasswordLink(@Arg('email') email: string, @Ctx() { services }: Context) {
    return services.auth.requestPasswordLink(email);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: 'For invitation and set-password links. Signs the user in; the payload says which set-up step comes next.' })
  setPassword(@Arg('token') token: string, @Arg('password') password: string, @Ctx() ctx: Context) {
    return ctx.services.auth.setPassword(ctx, token, password);
  }

  @Authorized()
  @Mutation(() => Boolean)
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() { services, viewer, ip }: Context) {
    return services.auth.changePassword(viewer!, ip, currentPassword, newPassword);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SignInPayload)
  acceptTerms(@Arg('version') version: string, @Ctx() { services, viewer }: Context) {
    return services.auth.acceptTerms(viewer!, version);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => Boolean)
  startSmsEnrollment(@Arg('phone') phone: string, @Ctx() { services, viewer }: Context) {
    return services.auth.startSmsEnrollment(viewer!, phone);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SecondFactorEnrollment)
  confirmSmsEnrollment(@Arg('code') code: string, @Ctx() { services, viewer, ip }: Context) {
    return services.auth.confirmSmsEnrollment(viewer!, ip, code);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => TotpEnrollment)
  startTotpEnrollment(@Ctx() { services, viewer }: Context) {
    return services.auth.startTotpEnrollment(viewer!);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SecondFactorEnrollment)
  confirmTotpEnrollment(@Arg('code') code: string, @Ctx() { services, viewer, ip }: Context) {
    return services.auth.confirmTotpEnrollment(viewer!, ip, code);
  }

  @Authorized(Access.SIGNING_IN)
  @Mutation(() => SignInPayload, { description: 'Declines an optional second-factor set-up; refused where the portal requires one.' })
  skipSecondFactorSetUp(@Ctx() { services, viewer }: Context) {
    return services.auth.skipSecondFactor(viewer!);
  }

  @Authorized()
  @Mutation(() => User)
  removeSecondFactor(@Arg('method', () => SecondFactorMethod) method: SecondFactorMethod, @Ctx() { services, viewer, ip }: Context) {
    return services.auth.removeSecondFactor(viewer!, ip, method);
  }

  @Authorized()
  @Mutation(() => SecondFactorEnrollment)
  regenerateRecoveryCodes(@Ctx() { services, viewer, ip }: Context) {
    return services.auth.regenerateRecoveryCodes(viewer!, ip);
  }
}
