import { GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildKluisSchema } from '../../src/graphql/schema.js';
import { sameForEveryCaller } from '../../src/realtime/same-for-every-caller.js';

/** Which subscriptions the socket may share between users whose event values are the same object. */
describe('sameForEveryCaller', () => {
  it('holds for unreadCountsChanged, whatever its selection is written as, and for nothing else', async () => {
    const schema = await buildKluisSchema();
    const holds = (source: string, operationName?: string) => sameForEveryCaller(schema, parse(source), operationName);
    expect(holds('subscription { unreadCountsChanged { __typename dossierId unreadTotal counts { messages { total unread } } } }')).toBe(true);
    expect(holds('subscription S { ...C } fragment C on Subscription { unreadCountsChanged { ... on UnreadCounts { openActions } ...T } } fragment T on UnreadCounts { unreadTotal }')).toBe(true);
    expect(holds('subscription ($withCounts: Boolean!) { unreadCountsChanged { counts @include(if: $withCounts) { documents { unread } } } }')).toBe(true);
    // Not marked: a message's fields (read or not, its author) are the caller's.
    expect(holds('subscription ($d: ID!) { messageAdded(dossierId: $d) { id } }')).toBe(false);
    expect(holds('subscription A { unreadCountsChanged { unreadTotal } } subscription B { messageAdded(dossierId: "1") { id } }', 'B')).toBe(false);
    expect(holds('query { home { unreadTotal } }')).toBe(false);
  });

  it('does not hold when a field below the marked root has a resolver of its own', () => {
    const Counts = new GraphQLObjectType({ name: 'Counts', fields: { plain: { type: GraphQLInt }, own: { type: GraphQLInt, resolve: () => 1 } } });
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } }),
      subscription: new GraphQLObjectType({ name: 'Subscription', fields: { counts: { type: Counts, extensions: { sameForEveryCaller: true } }, other: { type: Counts } } }),
    });
    expect(sameForEveryCaller(schema, parse('subscription { counts { plain } }'))).toBe(true);
    expect(sameForEveryCaller(schema, parse('subscription { counts { plain own } }'))).toBe(false);
    expect(sameForEveryCaller(schema, parse('subscription { other { plain } }'))).toBe(false);
  });
});
