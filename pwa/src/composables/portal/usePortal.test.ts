import { ApolloLink, Observable } from '@apollo/client/core'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createApolloClient } from '@/modules/apollo'
import { usePortal } from './usePortal'

const OfficeName = defineComponent(() => {
  const { officeName } = usePortal()
  return () => h('p', officeName.value)
})

describe('usePortal', () => {
  it('asks the server once per page load: a page that shows the name after the shell reads it from the cache', async () => {
    let asked = 0
    const api = new ApolloLink(() => Observable.of({ data: { portal: { __typename: 'Portal', name: `Kantoor ${++asked}` } } }))
    const global = { provide: { [DefaultApolloClient]: createApolloClient(api) } }

    const shell = mount(OfficeName, { global })
    await flushPromises()
    const page = mount(OfficeName, { global })
    await flushPromises()

    expect(asked).toBe(1)
    expect(shell.text()).toBe('Kantoor 1')
    expect(page.text()).toBe('Kantoor 1')
  })

  it('asks nothing when the page came with the name', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'application-name', content: 'Notariskantoor' })
    document.head.append(meta)
    try {
      let asked = 0
      const api = new ApolloLink(() => Observable.of({ data: { portal: { __typename: 'Portal', name: `Kantoor ${++asked}` } } }))
      const shell = mount(OfficeName, { global: { provide: { [DefaultApolloClient]: createApolloClient(api) } } })
      await flushPromises()
      expect(shell.text()).toBe('Notariskantoor')
      expect(asked).toBe(0)
    }
    finally {
      meta.remove()
    }
  })
})
