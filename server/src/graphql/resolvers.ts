import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { PortalResolver } from '../modules/portal/portal.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';

/** Every resolver class, listed once. */
export const resolvers: NonEmptyArray<Function> = [PortalResolver, AuthResolver, UserResolver];
