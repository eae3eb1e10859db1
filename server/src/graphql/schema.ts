import path from 'node:path';
import { buildSchema, type PubSub } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth.js';
import { DateTimeScalar } from './scalars.js';
import { resolvers } from './resolvers.js';

/**
 * Subscriptions subscribe through `services.realtime` (`@Subscription({ subscribe })`),
 * scoped to their viewer; type-graphql's topic-based pubsub is not used, but must be given.
 */
const noTopics: PubSub = {
  publish: () => {
    throw new Error('publish through services.realtime');
  },
  subscribe: () => {
    throw new Error('subscribe through services.realtime');
  },
};

/** Builds the schema from the resolvers; `emitTo` writes the SDL (used by `npm run schema`). */
export function buildKluisSchema(emitTo?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: false,
    pubSub: noTopics,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: emitTo ? { path: path.resolve(emitTo), sortedSchema: false } : false,
  });
}
