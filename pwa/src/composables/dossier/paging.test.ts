import type { Operation } from '@apollo/client/core'
import { ApolloLink, Observable } from '@apollo/client/core'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { useDossierMessages } from '@/composables/message/useMessages'
import { createApolloClient } from '@/modules/apollo'
import { useDossierDocuments } from './useDossierDocuments'

const author = { __typename: 'User', id: 'u1', profile: { __typename: 'Profile', displayName: 'Kantoor' } }
const messageNode = (n: number) => ({ __typename: 'Message', id: `m${n}`, subject: `Bericht ${n}`, body: '', automatic: false, createdAt: '2026-12-01T10:00:00.000Z', direction: 'INCOMING', read: true, author, attachments: [], replyTo: null })
const documentNode = (n: number) => ({ __typename: 'Document', id: `d${n}`, title: `Stuk ${n}`, fileName: `stuk-${n}.pdf`, mimeType: 'application/pdf', size: 1, createdAt: '2026-12-01T10:00:00.000Z', read: true, downloadUrl: `/files/d${n}`, author })

/** 22 items: the first page of 20 ends at cursor "c20", the second holds the other 2. */
function pagedApi(field: 'messages' | 'documents', item: (n: number) => object, asked: Operation[]) {
  return new ApolloLink(operation => Observable.of((() => {
    asked.push(operation)
    const first = !operation.variables.after
    const numbers = first ? Array.from({ length: 20 }, (_, i) => i + 1) : [21, 22]
    const connection = {
      __typename: field === 'messages' ? 'MessageConnection' : 'DocumentConnection',
      totalCount: 22,
      edges: numbers.map(n => ({ __typename: field === 'messages' ? 'MessageEdge' : 'DocumentEdge', node: item(n) })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: first, endCursor: `c${numbers.at(-1)}` },
    }
    return { data: { dossier: { __typename: 'Dossier', id: 'dos1', [field]: connection } } }
  })()))
}

describe.each([
  ['messages', messageNode, () => useDossierMessages(ref('dos1')), (list: ReturnType<typeof useDossierMessages>) => list.messages.value],
  ['documents', documentNode, () => useDossierDocuments(ref('dos1'), ref('CORRESPONDENCE')), (list: ReturnType<typeof useDossierDocuments>) => list.documents.value],
] as const)('a dossier\'s %s', (field, item, use, items) => {
  it('load a page at a time, the next one after the last page\'s end cursor', async () => {
    const asked: Operation[] = []
    let list!: ReturnType<typeof use>
    mount(defineComponent(() => {
      list = use()
      return () => h('p')
    }), { global: { provide: { [DefaultApolloClient]: createApolloClient(pagedApi(field, item, asked)) } } })
    await flushPromises()
    expect(items(list as never)).toHaveLength(20)
    expect(list.hasMore.value).toBe(true)

    await list.loadMore()
    await flushPromises()

    expect(asked.map(operation => operation.variables.after ?? null)).toEqual([null, 'c20'])
    expect(items(list as never).map(node => node.id)).toEqual(Array.from({ length: 22 }, (_, i) => `${field === 'messages' ? 'm' : 'd'}${i + 1}`))
    expect(list.hasMore.value).toBe(false)
  })
})
