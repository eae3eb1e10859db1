import { Extensions } from 'type-graphql';
import { getNamedType, getOperationAST, isObjectType, Kind, type DocumentNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode } from 'graphql';

const EXTENSION = 'sameForEveryCaller';

/**
 * On a subscription whose resolver returns the event's value as its stream mapped it for the caller, and reads nothing
 * of the caller but what `@Authorized` checks: callers of the same role and sign-in step whose values are the same
 * object share one execution (see `sameForEveryCaller`).
 */
export const SameForEveryCaller = () => Extensions({ [EXTENSION]: true });

/**
 * Whether an operation's result for an event value is the same for every caller who passes its `@Authorized` check:
 * its root field is marked `SameForEveryCaller`, and every field below it reads its parent's property (no resolver of
 * its own, so nothing of the context). Anything else, abstract types included, counts as the caller's own.
 */
export function sameForEveryCaller(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  const root = schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || !root) return false;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));

  const plain = (type: GraphQLObjectType, selections: SelectionSetNode, isRoot: boolean): boolean =>
    selections.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') return true;
        const field = type.getFields()[selection.name.value];
        if (!field || (isRoot ? field.extensions[EXTENSION] !== true : field.resolve !== undefined)) return false;
        if (!selection.selectionSet) return true;
        const inner = getNamedType(field.type);
        return isObjectType(inner) && plain(inner, selection.selectionSet, false);
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return false;
      return plain(type, fragment.selectionSet, isRoot);
    });

  return plain(root, operation.selectionSet, true);
}
