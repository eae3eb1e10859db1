import { ApolloLink, Observable } from '@apollo/client/core'
import { DefaultApolloClient } from '@vue/apollo-composable'
import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createApolloClient } from '@/modules/apollo'
import { i18n, loadLocale } from '@/modules/i18n'
import AppFrame from './AppFrame.vue'

describe('AppFrame', () => {
  it('shows the office name from the API in the header and the title', async () => {
    await loadLocale('nl')
    const api = new ApolloLink(operation => Observable.of({
      data: operation.operationName === 'Portal' ? { portal: { __typename: 'Portal', name: 'Notariskantoor Test' } } : {},
    }))

    const wrapper = mount(AppFrame, {
      global: { plugins: [i18n], provide: { [DefaultApolloClient]: createApolloClient(api) } },
      slots: { default: '<p>inhoud</p>' },
    })
    await flushPromises()

    expect(wrapper.get('header').text()).toContain('Notariskantoor Test')
    expect(document.title).toBe('Notariskantoor Test')
    expect(wrapper.get('main').text()).toBe('inhoud')
  })
})
