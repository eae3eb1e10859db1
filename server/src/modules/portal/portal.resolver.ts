import { Ctx, Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/auth.js';
import type { Context } from '../../graphql/context.js';
import { Portal } from './portal.types.js';

@Resolver()
export class PortalResolver {
  @Public()
  @Query(() => Portal)
  portal(@Ctx() { services }: Context): Promise<Portal> {
    return services.portal.portal();
  }
}
