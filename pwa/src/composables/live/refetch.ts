import type { ApolloClient } from '@apollo/client/core'

export interface QueryIdentity { operationName?: string, variables?: Record<string, unknown> }

/** Fetches again those of the active (watched) queries that `matches` picks; a failure leaves what they showed. */
export function refetchActive(client: ApolloClient<unknown>, matches: (query: QueryIdentity) => boolean) {
  const refetches: Promise<unknown>[] = []
  for (const query of client.getObservableQueries('active').values()) {
    if (matches({ operationName: query.queryName, variables: query.variables }))
      refetches.push(query.refetch().catch(() => undefined))
  }
  return Promise.all(refetches)
}

/** `refetchActive` for the queries with these operation names. */
export function refetchActiveNamed(client: ApolloClient<unknown>, names: readonly string[]) {
  return refetchActive(client, query => names.includes(query.operationName ?? ''))
}
