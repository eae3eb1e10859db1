import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { ApiToken, ApiTokenCreated } from './api-token.entity.js';

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Authorized(Access.STAFF)
  @Query(() => [ApiToken], { description: "Staff only: the viewer's own active tokens, newest first." })
  apiTokens(@Ctx() { services, viewer }: Context) {
    return services.apiTokens.list(viewer!);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => ApiTokenCreated, { description: 'Staff only, from a signed-in session (a token cannot create tokens).' })
  createApiToken(@Arg('name') name: string, @Ctx() { services, viewer, ip }: Context) {
    return services.apiTokens.create(viewer!, name, ip);
  }

  @Authorized(Access.STAFF)
  @Mutation(() => Boolean, { description: 'Staff only: revokes one of the viewer\'s own tokens, at once.' })
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() { services, viewer, ip }: Context) {
    return services.apiTokens.revoke(viewer!, id, ip);
  }
}
