import { describe, expect, it } from 'vitest'
import en from './en.json'
import nl from './nl.json'

function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`])
}

describe('locales', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(nl).sort())
  })
})
