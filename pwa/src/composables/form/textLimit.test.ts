import { describe, expect, it } from 'vitest'
import { clampText, countChars } from './textLimit'

describe('countChars', () => {
  it('counts code points as the server does, so an emoji is one character', () => {
    expect(countChars('')).toBe(0)
    expect(countChars('abc')).toBe(3)
    expect(countChars('😀')).toBe(1)
    expect('😀'.length).toBe(2)
    expect(countChars('café 😀!')).toBe(7)
  })
})

describe('clampText', () => {
  it('leaves text within the limit alone', () => {
    expect(clampText('abc', 3)).toEqual({ text: 'abc', caret: 3, clipped: false })
    expect(clampText('😀😀', 2)).toEqual({ text: '😀😀', caret: 4, clipped: false })
  })

  it('removes what was typed past the limit at the end', () => {
    expect(clampText('abcdef', 4)).toEqual({ text: 'abcd', caret: 4, clipped: true })
  })

  it('counts an emoji as one character and never splits it', () => {
    const text = `${'a'.repeat(3999)}😀😀`
    const clamped = clampText(text, 4000)
    expect(clamped.text).toBe(`${'a'.repeat(3999)}😀`)
    expect(countChars(clamped.text)).toBe(4000)
    expect(clamped.text.length).toBe(4001)
    expect(clamped.caret).toBe(4001)
  })

  it('removes text pasted in the middle from the paste, keeping what came after it', () => {
    // "ab|cd" with "XYZ" pasted at the caret: "abXYZ|cd", limit 5.
    expect(clampText('abXYZcd', 5, 5)).toEqual({ text: 'abXcd', caret: 3, clipped: true })
  })

  it('takes the rest from the end when there is not enough before the caret', () => {
    expect(clampText('abcdef', 2, 1)).toEqual({ text: 'bc', caret: 0, clipped: true })
  })

  it('keeps exactly the limit', () => {
    for (const max of [0, 1, 10, 4000]) {
      const clamped = clampText('x'.repeat(max + 7), max)
      expect(countChars(clamped.text)).toBe(max)
    }
  })
})
