import type { TabCounts, UnreadCountsEvent } from './unreadCounts'
import { InMemoryCache } from '@apollo/client/core'
import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { changedTabs, mergeHome, planRefetch, shouldRefetch, writeUnreadCounts } from './unreadCounts'

// What the home tiles and the dossier page read (parsed here, not picked up by codegen).
const HomeQuery = parse(`query { home { __typename dossiersInProgress dossiersTotal openActions unreadTotal singleDossierId } }`)
const DossierCountsQuery = parse(`query ($id: ID!) {
  dossier(id: $id) { __typename id number counts { __typename correspondence { __typename total unread } documents { __typename total unread } provided { __typename total unread } messages { __typename total unread } } }
}`)

function counts(overrides: Partial<TabCounts> = {}): TabCounts {
  return { correspondence: { total: 1, unread: 1 }, documents: { total: 0, unread: 0 }, provided: { total: 0, unread: 0 }, messages: { total: 2, unread: 0 }, ...overrides }
}

function typed(tabCounts: TabCounts) {
  const tab = (t: { total: number, unread: number }) => ({ __typename: 'TabCount', ...t })
  return { __typename: 'DossierCounts', correspondence: tab(tabCounts.correspondence), documents: tab(tabCounts.documents), provided: tab(tabCounts.provided), messages: tab(tabCounts.messages) }
}

function cacheWith(options: { home?: boolean, dossier?: TabCounts }) {
  const cache = new InMemoryCache()
  if (options.home)
    cache.writeQuery({ query: HomeQuery, data: { home: { __typename: 'Home', dossiersInProgress: 1, dossiersTotal: 1, openActions: 0, unreadTotal: 1, singleDossierId: 'd1' } } })
  if (options.dossier)
    cache.writeQuery({ query: DossierCountsQuery, variables: { id: 'd1' }, data: { dossier: { __typename: 'Dossier', id: 'd1', number: '2026-1', counts: typed(options.dossier) } } })
  return cache
}

const event = (overrides: Partial<UnreadCountsEvent> = {}): UnreadCountsEvent => ({
  dossierId: 'd1',
  counts: counts({ correspondence: { total: 2, unread: 2 } }),
  openActions: 0,
  unreadTotal: 2,
  ...overrides,
})

describe('merging live counts', () => {
  it('changedTabs names the tabs whose total or unread differ, or all when nothing was known', () => {
    expect(changedTabs(counts(), counts())).toEqual([])
    expect(changedTabs(counts(), counts({ correspondence: { total: 2, unread: 2 }, messages: { total: 2, unread: 1 } }))).toEqual(['correspondence', 'messages'])
    expect(changedTabs(undefined, counts())).toEqual(['correspondence', 'documents', 'provided', 'messages'])
  })

  it('mergeHome takes the totals and keeps what the event does not carry', () => {
    const home = { dossiersInProgress: 3, dossiersTotal: 4, openActions: 1, unreadTotal: 0, singleDossierId: null }
    expect(mergeHome(home, event({ openActions: 2, unreadTotal: 5 }))).toEqual({ ...home, openActions: 2, unreadTotal: 5 })
  })

  it('writes the totals into home and the counts into the cached dossier, so every view that shows them updates', () => {
    const cache = cacheWith({ home: true, dossier: counts() })
    const plan = writeUnreadCounts(cache, event())

    expect(cache.readQuery<any>({ query: HomeQuery })!.home).toMatchObject({ dossiersTotal: 1, singleDossierId: 'd1', openActions: 0, unreadTotal: 2 })
    const dossier = cache.readQuery<any>({ query: DossierCountsQuery, variables: { id: 'd1' } })!.dossier
    expect(dossier.number).toBe('2026-1')
    expect(dossier.counts.correspondence).toEqual({ __typename: 'TabCount', total: 2, unread: 2 })
    expect(dossier.counts.messages).toEqual({ __typename: 'TabCount', total: 2, unread: 0 })
    // Only the changed tab's list is fetched again.
    expect(plan).toEqual({ operations: [], dossierId: 'd1', categories: ['CORRESPONDENCE'], messages: false })
  })

  it('leaves a cache without home or the dossier as it was, and asks for the overviews instead', () => {
    const cache = cacheWith({})
    const plan = writeUnreadCounts(cache, event())
    expect(cache.extract()).toEqual({})
    expect(plan.operations).toEqual(['Home', 'Dossiers', 'DossierStatusCounts'])
  })

  it('refetches the questionnaire lists when the open actions changed', () => {
    const cache = cacheWith({ home: true, dossier: counts() })
    const plan = writeUnreadCounts(cache, event({ counts: counts(), openActions: 1 }))
    expect(plan.operations).toEqual(['Actions', 'DossierQuestionnaires'])
    expect(plan.categories).toEqual([])
  })

  it('refetches every overview when no dossier is named (access was revoked)', () => {
    const plan = planRefetch(event({ dossierId: null, counts: null }), { dossierKnown: false })
    expect(plan.operations).toEqual(expect.arrayContaining(['Home', 'Dossiers', 'Dossier', 'Actions']))
  })

  it('shouldRefetch picks the changed lists of that dossier only', () => {
    const plan = planRefetch(event({ counts: counts({ documents: { total: 1, unread: 1 }, messages: { total: 3, unread: 1 } }) }), { counts: counts(), dossierKnown: true, openActions: 0 })
    expect(shouldRefetch({ operationName: 'DossierDocuments', variables: { dossierId: 'd1', category: 'DOCUMENT' } }, plan)).toBe(true)
    expect(shouldRefetch({ operationName: 'DossierDocuments', variables: { dossierId: 'd1', category: 'CORRESPONDENCE' } }, plan)).toBe(false)
    expect(shouldRefetch({ operationName: 'DossierDocuments', variables: { dossierId: 'd2', category: 'DOCUMENT' } }, plan)).toBe(false)
    expect(shouldRefetch({ operationName: 'DossierMessages', variables: { dossierId: 'd1' } }, plan)).toBe(true)
    expect(shouldRefetch({ operationName: 'Home', variables: {} }, plan)).toBe(false)
  })
})
