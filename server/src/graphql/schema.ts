import path from 'node:path';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth.js';
import { DateTimeScalar } from './scalars.js';
import { resolvers } from './resolvers.js';

/** Builds the schema from the resolvers; `emitTo` writes the SDL (used by `npm run schema`). */
export function buildKluisSchema(emitTo?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    emitSchemaFile: emitTo ? { path: path.resolve(emitTo), sortedSchema: false } : false,
  });
}
