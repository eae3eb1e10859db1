import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import PasswordChecklist from './PasswordChecklist.vue'

async function checklist(password: string) {
  await loadLocale('nl')
  return mount(PasswordChecklist, { props: { password }, global: { plugins: [i18n] } })
}

function met(wrapper: Awaited<ReturnType<typeof checklist>>) {
  return wrapper.findAll('li').filter(item => item.classes('checklist__item--met')).map(item => item.text())
}

describe('PasswordChecklist', () => {
  it('lists the three rules, none met for an empty password', async () => {
    const wrapper = await checklist('')
    expect(wrapper.findAll('li')).toHaveLength(3)
    expect(met(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('minstens 8 tekens')
  })

  it('ticks each rule as it is met', async () => {
    expect(met(await checklist('abcdefgh'))).toEqual([expect.stringContaining('8 tekens')])
    expect(met(await checklist('A'))).toEqual([expect.stringContaining('hoofdletter')])
    expect(met(await checklist('1'))).toEqual([expect.stringContaining('cijfer')])
    expect(met(await checklist('Abcdefg1'))).toHaveLength(3)
  })

  it('updates live while the password changes', async () => {
    const wrapper = await checklist('abc')
    expect(met(wrapper)).toHaveLength(0)
    await wrapper.setProps({ password: 'Abcdefgh9' })
    expect(met(wrapper)).toHaveLength(3)
  })

  it('tells screen readers which rules are met', async () => {
    const wrapper = await checklist('Abc')
    expect(wrapper.findAll('li')[1]!.text()).toContain('(voldaan)')
    expect(wrapper.findAll('li')[0]!.text()).toContain('(nog niet voldaan)')
  })

  it('counts characters, not UTF-16 units, and knows capitals beyond ASCII', async () => {
    expect(met(await checklist('Éclair7'))).toHaveLength(2)
    expect(met(await checklist('😀😀😀😀😀😀😀a'))).toEqual([expect.stringContaining('8 tekens')])
  })
})
