import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import FormLimitedField from './FormLimitedField.vue'

function mountField(modelValue = '', max = 10) {
  const wrapper = mount(FormLimitedField, {
    props: {
      'label': 'Bericht',
      max,
      'multiline': true,
      modelValue,
      'onUpdate:modelValue': (value: string) => wrapper.setProps({ modelValue: value }),
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return wrapper
}

describe('FormLimitedField', () => {
  beforeAll(() => loadLocale('nl'))

  it('counts as the server does and says nothing below the limit', async () => {
    const wrapper = mountField()
    await wrapper.find('textarea').setValue('hé 😀')
    expect(wrapper.props('modelValue')).toBe('hé 😀')
    expect(wrapper.find('.field__counter').text()).toContain('4/10')
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('')
  })

  it('removes what is typed past the limit and announces that the maximum is reached', async () => {
    const wrapper = mountField()
    const textarea = wrapper.find('textarea')
    await textarea.setValue('0123456789abc')
    expect(wrapper.props('modelValue')).toBe('0123456789')
    expect((textarea.element as HTMLTextAreaElement).value).toBe('0123456789')
    expect(wrapper.find('.field__counter').text()).toContain('10/10')
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('U heeft het maximum van 10 tekens bereikt. Wat u verder typt, wordt verwijderd.')
  })

  it('ties the counter, the notice and an error to the field', () => {
    const wrapper = mountField('', 10)
    const describedBy = wrapper.find('textarea').attributes('aria-describedby')!.split(' ')
    expect(describedBy).toContain(wrapper.find('.field__counter').attributes('id'))
    expect(describedBy).toContain(wrapper.find('[aria-live="polite"]').attributes('id'))
    expect(wrapper.find('label').attributes('for')).toBe(wrapper.find('textarea').attributes('id'))
  })
})
