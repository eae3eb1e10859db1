import type { DossierStatus } from '@/gql/graphql'
import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import DossierStatusFilter from './DossierStatusFilter.vue'

describe('DossierStatusFilter', () => {
  beforeAll(() => loadLocale('nl'))

  it('offers a checkbox for each status present, with its Dutch name and count', () => {
    const wrapper = mount(DossierStatusFilter, {
      props: { modelValue: [], options: [{ status: 'IN_PROGRESS', count: 2 }, { status: 'COMPLETED', count: 1 }] },
      global: { plugins: [i18n] },
    })
    const labels = wrapper.findAll('label').map(label => label.text())
    expect(labels).toEqual(['In behandeling (2)', 'Afgerond (1)'])
    expect(wrapper.find('legend').text()).toBe('Status')
  })

  it('adds and removes a status as its box is checked and unchecked', async () => {
    const wrapper = mount(DossierStatusFilter, {
      props: {
        'modelValue': ['IN_PROGRESS'] as DossierStatus[],
        'options': [{ status: 'IN_PROGRESS' as const, count: 2 }, { status: 'ON_HOLD' as const, count: 1 }],
        'onUpdate:modelValue': (value: unknown) => wrapper.setProps({ modelValue: value as never }),
      },
      global: { plugins: [i18n] },
    })
    const boxes = wrapper.findAll('input[type="checkbox"]')
    expect((boxes[0]!.element as HTMLInputElement).checked).toBe(true)
    await boxes[1]!.setValue(true)
    expect(wrapper.props('modelValue')).toEqual(['IN_PROGRESS', 'ON_HOLD'])
    await boxes[0]!.setValue(false)
    expect(wrapper.props('modelValue')).toEqual(['ON_HOLD'])
  })

  it('shows nothing while no statuses are known', () => {
    const wrapper = mount(DossierStatusFilter, { props: { modelValue: [], options: [] }, global: { plugins: [i18n] } })
    expect(wrapper.find('fieldset').exists()).toBe(false)
  })
})
