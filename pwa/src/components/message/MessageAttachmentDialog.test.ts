import type { Attachment } from '@/composables/message/attachments'
import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n, loadLocale } from '@/modules/i18n'
import MessageAttachmentDialog from './MessageAttachmentDialog.vue'

function file(name: string) {
  return new File([name], name, { type: 'text/plain', lastModified: 1 })
}

function drop(target: Element, files: File[]) {
  const event = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { files } })
  target.dispatchEvent(event)
}

function mountDialog(attached: Attachment[] = [], maxFileBytes?: number) {
  return mount(MessageAttachmentDialog, { props: { attached, maxFileBytes }, global: { plugins: [i18n] }, attachTo: document.body })
}

describe('MessageAttachmentDialog', () => {
  beforeAll(() => loadLocale('nl'))

  it('lists dropped files, each with a cross, and hands over what is left on upload', async () => {
    const wrapper = mountDialog()
    wrapper.vm.open()
    drop(wrapper.find('.dropzone').element, [file('a.txt'), file('b.txt')])
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('.file-list li').map(item => item.find('.file-list__name').text())).toEqual(['a.txt', 'b.txt'])
    const upload = wrapper.findAll('button').find(button => button.text().startsWith('Upload'))!
    expect(upload.text()).toBe('Upload 2 bestanden')
    expect(wrapper.find('button[aria-label="a.txt niet toevoegen"]').exists()).toBe(true)

    await wrapper.find('button[aria-label="a.txt niet toevoegen"]').trigger('click')
    expect(upload.text()).toBe('Upload 1 bestand')
    expect(wrapper.findAll('button').some(button => button.text() === '+ Meer toevoegen')).toBe(true)
    await upload.trigger('click')
    const added = wrapper.emitted('add')![0]![0] as Attachment[]
    expect(added.map(attachment => attachment.file.name)).toEqual(['b.txt'])
  })

  it('says so when a file is chosen again and offers nothing to upload after Annuleer', async () => {
    const wrapper = mountDialog([{ key: JSON.stringify(['a.txt', 5, 1]), file: file('a.txt') }])
    wrapper.vm.open()
    drop(wrapper.find('.dropzone').element, [file('a.txt')])
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.file-list').exists()).toBe(false)
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('Al gekozen: a.txt.')
    drop(wrapper.find('.dropzone').element, [file('c.txt')])
    await wrapper.vm.$nextTick()
    await wrapper.findAll('button').find(button => button.text() === 'Annuleer')!.trigger('click')
    expect(wrapper.emitted('add')).toBeUndefined()
    wrapper.vm.open()
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.file-list').exists()).toBe(false)
  })

  it('leaves out a file larger than the server takes and says what the limit is', async () => {
    const wrapper = mountDialog([], 25 * 1024 * 1024)
    wrapper.vm.open()
    const large = new File(['x'], 'scan.pdf', { type: 'application/pdf', lastModified: 1 })
    Object.defineProperty(large, 'size', { value: 25 * 1024 * 1024 + 1 })
    drop(wrapper.find('.dropzone').element, [large, file('b.txt')])
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('.file-list li').map(item => item.find('.file-list__name').text())).toEqual(['b.txt'])
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('Niet toegevoegd, want een bijlage mag hoogstens 25 MB zijn: scan.pdf.')
  })
})
