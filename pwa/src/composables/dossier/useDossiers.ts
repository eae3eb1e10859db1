import type { ApolloClient, DocumentNode, WatchQueryFetchPolicy } from '@apollo/client/core'
import type { Ref } from 'vue'
import type { DossierStatus } from '@/gql/graphql'
import { useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

export const dossierStatuses: DossierStatus[] = ['IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CANCELLED']

const DossiersQuery = graphql(`
  query Dossiers($search: String, $statuses: [DossierStatus!], $first: Int, $after: String) {
    dossiers(search: $search, statuses: $statuses, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          number
          description
          status
          updatedAt
          progress {
            done
            total
          }
          counts {
            correspondence { total unread }
            documents { total unread }
            provided { total unread }
            messages { total unread }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`)

/** How many of the viewer's dossiers have each status, unfiltered: the filter offers only the statuses present. */
const DossierStatusCountsQuery = graphql(`
  query DossierStatusCounts {
    inProgress: dossiers(statuses: [IN_PROGRESS], first: 1) { totalCount }
    onHold: dossiers(statuses: [ON_HOLD], first: 1) { totalCount }
    completed: dossiers(statuses: [COMPLETED], first: 1) { totalCount }
    cancelled: dossiers(statuses: [CANCELLED], first: 1) { totalCount }
  }
`)

const pageSize = 20

function listVariables(search: string, statuses: DossierStatus[]) {
  return { search: search.trim() || null, statuses: statuses.length > 0 ? statuses : null, first: pageSize }
}

const prefetched = new Set<DocumentNode>()

/**
 * Asks for what the dossier list first shows, for the router to start while it checks the session (refused without
 * one). The page's first queries (same variables) then join these requests, or find their answers in the cache.
 */
export function prefetchDossierList(client: ApolloClient<unknown>) {
  for (const [query, variables] of [[DossiersQuery, listVariables('', [])], [DossierStatusCountsQuery, {}]] as const) {
    prefetched.add(query)
    void client.query({ query, variables, fetchPolicy: 'network-only' }).catch(() => prefetched.delete(query))
  }
}

/** Just prefetched: that answer, once; otherwise what was seen while the server is asked again. */
function fetchPolicies(query: DocumentNode): { fetchPolicy: WatchQueryFetchPolicy, nextFetchPolicy: () => WatchQueryFetchPolicy } {
  return {
    fetchPolicy: prefetched.delete(query) ? 'cache-first' : 'cache-and-network',
    nextFetchPolicy: () => 'cache-and-network',
  }
}

/** The viewer's dossiers matching a search and a set of statuses (none checked: all), a page at a time. */
export function useDossiers(search: Ref<string>, statuses: Ref<DossierStatus[]>) {
  const variables = computed(() => listVariables(search.value, statuses.value))
  const { result, loading, fetchMore, error } = useQuery(DossiersQuery, variables, fetchPolicies(DossiersQuery))
  const connection = computed(() => result.value?.dossiers)

  function loadMore() {
    const after = connection.value?.pageInfo.endCursor
    if (!after)
      return
    return fetchMore({
      variables: { ...variables.value, after },
      updateQuery: (previous, { fetchMoreResult }) => fetchMoreResult
        ? { dossiers: { ...fetchMoreResult.dossiers, edges: [...previous.dossiers.edges, ...fetchMoreResult.dossiers.edges] } }
        : previous,
    })
  }

  return {
    dossiers: computed(() => connection.value?.edges.map(edge => edge.node) ?? []),
    totalCount: computed(() => connection.value?.totalCount),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading,
    error,
    loadMore,
  }
}

/**
 * The statuses that occur among the viewer's dossiers, with their number, in the fixed order; and whether they are
 * known yet (or failed to come).
 */
export function useDossierStatusCounts() {
  const { result, error } = useQuery(DossierStatusCountsQuery, null, fetchPolicies(DossierStatusCountsQuery))
  const options = computed(() => {
    const data = result.value
    if (!data)
      return []
    const counts: Record<DossierStatus, number> = {
      IN_PROGRESS: data.inProgress.totalCount,
      ON_HOLD: data.onHold.totalCount,
      COMPLETED: data.completed.totalCount,
      CANCELLED: data.cancelled.totalCount,
    }
    return dossierStatuses.filter(status => counts[status] > 0).map(status => ({ status, count: counts[status] }))
  })
  return { options, settled: computed(() => result.value !== undefined || error.value !== null) }
}

/** The unread documents and messages of a dossier together: the badge on a list row. */
export function unreadTotal(counts: Record<'correspondence' | 'documents' | 'provided' | 'messages', { unread: number }>) {
  return counts.correspondence.unread + counts.documents.unread + counts.provided.unread + counts.messages.unread
}
