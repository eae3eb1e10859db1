import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import DossierTabs from './DossierTabs.vue'

const tabs = [
  { key: 'CORRESPONDENCE', label: 'Correspondentie', total: 3, unread: 1 },
  { key: 'DOCUMENT', label: 'Documenten', total: 2, unread: 0 },
  { key: 'MESSAGES', label: 'Berichten', total: 0, unread: 0 },
]

function mountTabs(selected = 'CORRESPONDENCE') {
  const wrapper = mount(DossierTabs, {
    props: {
      'tabs': tabs,
      'label': 'Onderdelen',
      'modelValue': selected,
      'onUpdate:modelValue': (value: unknown) => wrapper.setProps({ modelValue: value as string }),
    },
    slots: { default: `<template #default="{ tab }">inhoud van {{ tab }}</template>` },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return wrapper
}

describe('DossierTabs', () => {
  beforeAll(() => loadLocale('nl'))

  it('shows each tab with its total and an unread badge only where something is unread', () => {
    const wrapper = mountTabs()
    const tabButtons = wrapper.findAll('[role="tab"]')
    expect(tabButtons.map(tab => tab.find('.tabs__count').text())).toEqual(['(3)', '(2)', '(0)'])
    expect(tabButtons[0]!.find('.badge').text()).toContain('1')
    expect(tabButtons[0]!.find('.badge').text()).toContain('1 ongelezen')
    expect(tabButtons[1]!.find('.badge').exists()).toBe(false)
    wrapper.unmount()
  })

  it('links the selected tab to its panel and keeps the others out of the tab order', () => {
    const wrapper = mountTabs('DOCUMENT')
    const [first, second] = wrapper.findAll('[role="tab"]')
    expect(second!.attributes('aria-selected')).toBe('true')
    expect(second!.attributes('tabindex')).toBe('0')
    expect(first!.attributes('tabindex')).toBe('-1')
    const panel = wrapper.get('[role="tabpanel"]')
    expect(second!.attributes('aria-controls')).toBe(panel.attributes('id'))
    expect(panel.attributes('aria-labelledby')).toBe(second!.attributes('id'))
    expect(panel.text()).toBe('inhoud van DOCUMENT')
    wrapper.unmount()
  })

  it('moves with the arrow keys, wrapping around, and with Home and End', async () => {
    const wrapper = mountTabs()
    const selected = () => wrapper.props('modelValue')
    await wrapper.findAll('[role="tab"]')[0]!.trigger('keydown', { key: 'ArrowLeft' })
    expect(selected()).toBe('MESSAGES')
    expect(document.activeElement?.textContent).toContain('Berichten')
    await wrapper.findAll('[role="tab"]')[2]!.trigger('keydown', { key: 'ArrowRight' })
    expect(selected()).toBe('CORRESPONDENCE')
    await wrapper.findAll('[role="tab"]')[0]!.trigger('keydown', { key: 'End' })
    expect(selected()).toBe('MESSAGES')
    await wrapper.findAll('[role="tab"]')[2]!.trigger('keydown', { key: 'Home' })
    expect(selected()).toBe('CORRESPONDENCE')
    await wrapper.findAll('[role="tab"]')[1]!.trigger('click')
    expect(selected()).toBe('DOCUMENT')
    wrapper.unmount()
  })
})
