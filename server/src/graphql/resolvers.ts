import type { NonEmptyArray } from 'type-graphql';
import { PortalResolver } from '../modules/portal/portal.resolver.js';

/** Every resolver class, listed once. */
export const resolvers: NonEmptyArray<Function> = [PortalResolver];
