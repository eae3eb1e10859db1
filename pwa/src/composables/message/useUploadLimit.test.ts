import { ApolloLink, Observable } from '@apollo/client/core'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { usePortal } from '@/composables/portal/usePortal'
import { createApolloClient } from '@/modules/apollo'
import { useUploadLimit } from './useUploadLimit'

const OfficeName = defineComponent(() => {
  const { officeName } = usePortal()
  return () => h('p', officeName.value)
})

const UploadLimit = defineComponent(() => {
  const maxBytes = useUploadLimit()
  return () => h('p', String(maxBytes.value))
})

describe('useUploadLimit', () => {
  it('gives the server\'s limit in bytes, kept beside the portal\'s name in one cached portal', async () => {
    const asked: string[] = []
    const api = new ApolloLink((operation) => {
      asked.push(operation.operationName)
      return Observable.of({ data: { portal: operation.operationName === 'Portal' ? { __typename: 'Portal', name: 'Kantoor' } : { __typename: 'Portal', maxUploadMb: 25 } } })
    })
    const global = { provide: { [DefaultApolloClient]: createApolloClient(api) } }

    const shell = mount(OfficeName, { global })
    await flushPromises()
    const limit = mount(UploadLimit, { global })
    await flushPromises()
    expect(limit.text()).toBe(String(25 * 1024 * 1024))

    // A later page finds both in the cache: the second answer did not replace the first.
    const page = mount(OfficeName, { global })
    const again = mount(UploadLimit, { global })
    await flushPromises()
    expect([shell.text(), page.text(), again.text()]).toEqual(['Kantoor', 'Kantoor', String(25 * 1024 * 1024)])
    expect(asked).toEqual(['Portal', 'UploadLimit'])
  })
})
