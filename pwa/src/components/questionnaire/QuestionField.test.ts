import type { FormValue } from '@/composables/questionnaire/answers'
import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import QuestionField from './QuestionField.vue'

describe('QuestionField', () => {
  beforeAll(() => loadLocale('nl'))

  it('asks a yes/no question as two radios in a fieldset, the error linked to each', () => {
    const wrapper = mount(QuestionField, {
      props: { question: { id: 'hypotheek', label: 'Heeft u een hypotheek?', kind: 'YES_NO', required: true, options: [] }, modelValue: '', error: 'Deze vraag is verplicht.' },
      global: { plugins: [i18n] },
    })
    expect(wrapper.get('legend').text()).toBe('Heeft u een hypotheek? *')
    const radios = wrapper.findAll('input[type="radio"]')
    expect(radios.map(radio => radio.element.closest('label')!.textContent!.trim())).toEqual(['Ja', 'Nee'])
    const errorId = wrapper.get('.field__error').attributes('id')
    for (const radio of radios) {
      expect(radio.attributes('aria-describedby')).toBe(errorId)
      expect(radio.attributes('aria-invalid')).toBe('true')
      expect(radio.attributes('required')).toBeDefined()
    }
    expect(wrapper.get('fieldset').attributes('aria-describedby')).toBe(errorId)
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('lets an optional choice be cleared again', async () => {
    const updates: FormValue[] = []
    const wrapper = mount(QuestionField, {
      props: { 'question': { id: 'soort', label: 'Soort woning', kind: 'SINGLE_CHOICE', required: false, options: ['Appartement', 'Vrijstaand'] }, 'modelValue': 'Vrijstaand', 'onUpdate:modelValue': (value: FormValue) => { updates.push(value) } },
      global: { plugins: [i18n] },
    })
    expect((wrapper.findAll('input[type="radio"]')[1]!.element as HTMLInputElement).checked).toBe(true)
    await wrapper.get('button').trigger('click')
    expect(updates).toEqual([''])
  })

  it('ticks several options of a multiple choice', async () => {
    const updates: FormValue[] = []
    const wrapper = mount(QuestionField, {
      props: { 'question': { id: 'extra', label: 'Wat gaat mee?', kind: 'MULTI_CHOICE', required: false, options: ['Gordijnen', 'Keuken'] }, 'modelValue': ['Gordijnen'], 'onUpdate:modelValue': (value: FormValue) => { updates.push(value) } },
      global: { plugins: [i18n] },
    })
    expect(wrapper.get('legend').text()).toBe('Wat gaat mee?')
    await wrapper.findAll('input[type="checkbox"]')[1]!.setValue(true)
    expect(updates).toEqual([['Gordijnen', 'Keuken']])
  })

  it('labels a number field, with its hint and error as its description', () => {
    const wrapper = mount(QuestionField, {
      props: { question: { id: 'kinderen', label: 'Aantal kinderen', kind: 'NUMBER', required: false, options: [] }, modelValue: 'twee', error: 'Vul een getal in, zoals 12 of 3,5.' },
      global: { plugins: [i18n] },
    })
    const input = wrapper.get('input')
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('inputmode')).toBe('decimal')
    const described = input.attributes('aria-describedby')!.split(' ').map(id => wrapper.get(`[id="${id}"]`).text())
    expect(described).toEqual(['Vul een getal in, zoals 12 of 3,5.', 'Een getal, zoals 12 of 3,5'])
  })

  it('gives a long text a textarea with the server\'s limit', () => {
    const wrapper = mount(QuestionField, {
      props: { question: { id: 'toelichting', label: 'Toelichting', kind: 'TEXTAREA', required: true, options: [] }, modelValue: 'Hallo' },
      global: { plugins: [i18n] },
    })
    expect(wrapper.get('textarea').element.value).toBe('Hallo')
    expect(wrapper.get('textarea').attributes('required')).toBeDefined()
    expect(wrapper.text()).toContain('5/4000')
  })
})
