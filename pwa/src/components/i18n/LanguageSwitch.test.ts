import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import LanguageSwitch from './LanguageSwitch.vue'

describe('LanguageSwitch', () => {
  beforeEach(async () => {
    localStorage.clear()
    await loadLocale('nl')
  })

  it('switches to English, sets the page language and remembers the choice', async () => {
    const wrapper = mount(LanguageSwitch, { global: { plugins: [i18n] } })
    expect(wrapper.get('[lang="nl"]').attributes('aria-pressed')).toBe('true')

    await wrapper.get('button[lang="en"]').trigger('click')

    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('en'))
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('kluis.locale')).toBe('en')
    expect(wrapper.get('[lang="en"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.attributes('aria-label')).toBe('Language')
  })
})
