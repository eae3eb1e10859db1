import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import DossierProgress from './DossierProgress.vue'

const progress = {
  done: 1,
  total: 3,
  steps: [
    { id: 'c', title: 'Akte passeren', position: 3, done: false, doneAt: null },
    { id: 'a', title: 'Intake', position: 1, done: true, doneAt: '2026-03-03T10:00:00.000Z' },
    { id: 'b', title: 'Concept akte', position: 2, done: false, doneAt: null },
  ],
}

describe('DossierProgress', () => {
  beforeAll(() => loadLocale('nl'))

  it('summarises as "Voortgang (done/total)" and starts collapsed', () => {
    const wrapper = mount(DossierProgress, { props: { progress }, global: { plugins: [i18n] } })
    expect(wrapper.get('summary').text()).toBe('Voortgang (1/3)')
    expect(wrapper.get('details').attributes('open')).toBeUndefined()
  })

  it('lists the steps in order, marking which are done', () => {
    const wrapper = mount(DossierProgress, { props: { progress }, global: { plugins: [i18n] } })
    const steps = wrapper.findAll('li')
    expect(steps.map(step => step.text())).toEqual([
      expect.stringMatching(/^✓\s*Afgerond:\s*Intake\s*afgerond op 3 mrt 2026$/),
      expect.stringMatching(/^○\s*Open:\s*Concept akte$/),
      expect.stringMatching(/^○\s*Open:\s*Akte passeren$/),
    ])
  })

  it('says so when there is no checklist', () => {
    const wrapper = mount(DossierProgress, { props: { progress: { done: 0, total: 0, steps: [] } }, global: { plugins: [i18n] } })
    expect(wrapper.get('summary').text()).toBe('Voortgang (0/0)')
    expect(wrapper.text()).toContain('Er is nog geen voortgang vastgelegd.')
  })
})
