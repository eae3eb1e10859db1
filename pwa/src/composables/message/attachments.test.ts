import { describe, expect, it } from 'vitest'
import { addFiles, attachmentKey, maxAttachments, removeFile } from './attachments'

function file(name: string, content = name, lastModified = 1_700_000_000_000) {
  return new File([content], name, { type: 'text/plain', lastModified })
}

const names = (list: ({ file: File } | File)[]) => list.map(item => item instanceof File ? item.name : item.file.name)

describe('addFiles', () => {
  it('adds several files in the order they came', () => {
    const { list, duplicates, overLimit } = addFiles([], [file('a.txt'), file('b.pdf')])
    expect(names(list)).toEqual(['a.txt', 'b.pdf'])
    expect(duplicates).toEqual([])
    expect(overLimit).toEqual([])
  })

  it('appends to what is already chosen and leaves the original list alone', () => {
    const first = addFiles([], [file('a.txt')]).list
    const { list } = addFiles(first, [file('b.txt')])
    expect(names(list)).toEqual(['a.txt', 'b.txt'])
    expect(names(first)).toEqual(['a.txt'])
  })

  it('leaves out a file chosen twice, whether already listed or twice in one drop', () => {
    const first = addFiles([], [file('a.txt')]).list
    const { list, duplicates } = addFiles(first, [file('a.txt'), file('b.txt'), file('b.txt')])
    expect(names(list)).toEqual(['a.txt', 'b.txt'])
    expect(names(duplicates)).toEqual(['a.txt', 'b.txt'])
  })

  it('keeps files with the same name but other content apart', () => {
    const { list } = addFiles([], [file('a.txt', 'one'), file('a.txt', 'other')])
    expect(list).toHaveLength(2)
    expect(list[0]!.key).not.toBe(list[1]!.key)
  })

  it('takes no more than the server accepts, counting files attached already', () => {
    const many = Array.from({ length: maxAttachments + 2 }, (_, i) => file(`f${i}.txt`))
    const { list, overLimit } = addFiles([], many)
    expect(list).toHaveLength(maxAttachments)
    expect(names(overLimit)).toEqual([`f${maxAttachments}.txt`, `f${maxAttachments + 1}.txt`])

    const attached = addFiles([], [file('x.txt'), file('y.txt')]).list
    const pending = addFiles([], [file('x.txt'), file('p.txt'), file('q.txt')], { max: 3, reserved: attached })
    expect(names(pending.list)).toEqual(['p.txt'])
    expect(names(pending.duplicates)).toEqual(['x.txt'])
    expect(names(pending.overLimit)).toEqual(['q.txt'])
  })

  it('leaves out a file larger than the server takes, without using up a place', () => {
    const { list, tooLarge, overLimit } = addFiles([], [file('groot.pdf', 'x'.repeat(11)), file('a.txt', 'x'.repeat(10)), file('b.txt')], { max: 2, maxBytes: 10 })
    expect(names(tooLarge)).toEqual(['groot.pdf'])
    expect(names(list)).toEqual(['a.txt', 'b.txt'])
    expect(overLimit).toEqual([])
  })
})

describe('removeFile', () => {
  it('removes only the file with that key', () => {
    const { list } = addFiles([], [file('a.txt'), file('b.txt'), file('c.txt')])
    expect(names(removeFile(list, list[1]!.key))).toEqual(['a.txt', 'c.txt'])
    expect(names(removeFile(list, 'unknown'))).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('keys a file by name, size and date', () => {
    expect(attachmentKey(file('a.txt'))).toBe(attachmentKey(file('a.txt')))
    expect(attachmentKey(file('a.txt'))).not.toBe(attachmentKey(file('a.txt', 'a.txt', 1)))
  })
})
