import type { ApolloCache } from '@apollo/client/core'
import type { DocumentCategory } from '@/gql/graphql'

export type Tab = 'correspondence' | 'documents' | 'provided' | 'messages'
export type TabCounts = Record<Tab, { total: number, unread: number }>

/** What `unreadCountsChanged` pushes: one dossier's counts (when one changed) and the viewer's totals. */
export interface UnreadCountsEvent {
  dossierId?: string | null
  counts?: TabCounts | null
  openActions: number
  unreadTotal: number
}

const tabs: Tab[] = ['correspondence', 'documents', 'provided', 'messages']
const tabCategories: Record<Exclude<Tab, 'messages'>, DocumentCategory> = {
  correspondence: 'CORRESPONDENCE',
  documents: 'DOCUMENT',
  provided: 'PROVIDED',
}

/** The tabs whose total or unread number differs; all of them when the earlier counts are unknown. */
export function changedTabs(previous: TabCounts | undefined, next: TabCounts): Tab[] {
  return tabs.filter(tab => !previous || previous[tab].total !== next[tab].total || previous[tab].unread !== next[tab].unread)
}

/** The home counts with the event's totals; what the event does not carry (dossiers, the single dossier) stays. */
export function mergeHome<T extends { openActions: number, unreadTotal: number }>(home: T, event: UnreadCountsEvent): T {
  return { ...home, openActions: event.openActions, unreadTotal: event.unreadTotal }
}

/** Counts as the cache stores them (embedded in the dossier, so with their type names). */
function cachedCounts(counts: TabCounts) {
  const tab = (name: Tab) => ({ __typename: 'TabCount', total: counts[name].total, unread: counts[name].unread })
  return { __typename: 'DossierCounts', correspondence: tab('correspondence'), documents: tab('documents'), provided: tab('provided'), messages: tab('messages') }
}

/** Which active queries have to ask the server again after an event, beyond the counts written into the cache. */
export interface RefetchPlan {
  /** Queries refetched whatever their variables. */
  operations: string[]
  dossierId?: string
  /** Document tabs of `dossierId` whose list changed. */
  categories: DocumentCategory[]
  messages: boolean
}

export function planRefetch(event: UnreadCountsEvent, before: { openActions?: number, counts?: TabCounts, dossierKnown: boolean }): RefetchPlan {
  const operations: string[] = []
  // Without a dossier, or with one this tab never saw, dossiers were granted or revoked: every overview may differ.
  if (!event.dossierId || !event.counts)
    operations.push('Home', 'Dossiers', 'DossierStatusCounts', 'Dossier', 'Actions', 'DossierQuestionnaires')
  else if (!before.dossierKnown)
    operations.push('Home', 'Dossiers', 'DossierStatusCounts')
  else if (before.openActions !== event.openActions)
    operations.push('Actions', 'DossierQuestionnaires')
  if (!event.dossierId || !event.counts)
    return { operations, categories: [], messages: false }
  const changed = changedTabs(before.counts, event.counts)
  return {
    operations,
    dossierId: event.dossierId,
    categories: changed.flatMap(tab => (tab === 'messages' ? [] : [tabCategories[tab]])),
    messages: changed.includes('messages'),
  }
}

export function shouldRefetch(query: { operationName?: string, variables?: Record<string, unknown> }, plan: RefetchPlan): boolean {
  const { operationName = '', variables = {} } = query
  if (plan.operations.includes(operationName))
    return true
  if (!plan.dossierId || variables.dossierId !== plan.dossierId)
    return false
  if (operationName === 'DossierDocuments')
    return plan.categories.includes(variables.category as DocumentCategory)
  return operationName === 'DossierMessages' && plan.messages
}

/**
 * Writes an event into the cache, so that every view showing these counts updates: the home totals, and the
 * dossier's tab counts when the dossier is in the cache. Returns which active queries should be fetched again.
 */
export function writeUnreadCounts(cache: ApolloCache<unknown>, event: UnreadCountsEvent): RefetchPlan {
  let openActions: number | undefined
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      home(existing) {
        const home = existing as { openActions: number, unreadTotal: number }
        openActions = home.openActions
        return mergeHome(home, event)
      },
    },
  })
  let counts: TabCounts | undefined
  let dossierKnown = false
  if (event.dossierId && event.counts) {
    const next = event.counts
    dossierKnown = cache.modify({
      id: cache.identify({ __typename: 'Dossier', id: event.dossierId }),
      fields: {
        counts(existing) {
          counts = existing as TabCounts
          return cachedCounts(next)
        },
      },
    })
  }
  return planRefetch(event, { openActions, counts, dossierKnown })
}
