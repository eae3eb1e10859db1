import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { isStaff } from '../modules/user/user.types.js';
import type { Context, Viewer } from './context.js';

/** Signed-in staff and API tokens (which act as staff) may explore the schema: the IDE needs it. */
export const mayExploreSchema = (viewer: Viewer | null) => !!viewer && viewer.step === 'DONE' && isStaff(viewer.user.role);

/** Whether an operation reads `__schema` or `__type` (`__typename` is ordinary). */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The error for introspection by someone who may not explore the schema; null when allowed. */
export function introspectionRefusal(production: boolean, viewer: Viewer | null, document: DocumentNode): GraphQLError | null {
  if (!production || mayExploreSchema(viewer) || !asksForIntrospection(document)) return null;
  return new GraphQLError('Introspection is open to signed-in staff and API tokens only', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

const suggestion = / ?Did you mean [^?]*\?/g;

/** Removes graphql-js' "Did you mean …?" hints, which would spell out the schema field by field. */
export const withoutSuggestions = (errors: readonly GraphQLFormattedError[]) => errors.map((error) => ({ ...error, message: error.message.replace(suggestion, '') }));

/**
 * Per caller, since Apollo's own `introspection` switch is for everyone: in
 * production only staff and tokens get introspection, and only they get the
 * validation hints (in every environment).
 */
export function schemaVisibilityPlugin(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (mayExploreSchema(contextValue.viewer)) return;
      return {
        async didResolveOperation({ document }) {
          const refusal = introspectionRefusal(production, contextValue.viewer, document);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = withoutSuggestions(response.body.singleResult.errors);
          }
        },
      };
    },
  };
}
