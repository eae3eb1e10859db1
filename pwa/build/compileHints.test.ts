// @vitest-environment node
import type { Rolldown } from 'vite'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileHints } from './compileHints'

const HINT = '//# allFunctionsCalledOnLoad\n'
let root: string
let output: Rolldown.RolldownOutput['output']

/** The entry imports one module statically and another lazily; both import a third. */
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'))
  const write = (name: string, code: string) => fs.writeFileSync(path.join(root, name), code)
  write('shared.js', 'export function greet(name) {\n  return `hello ${name}`\n}\n')
  write('lazy.js', 'import { greet } from \'./shared.js\'\nexport const lazy = () => greet(\'lazy\')\n')
  write('main.js', 'import { greet } from \'./shared.js\'\n\nconsole.log(greet(\'entry-marker\'))\nimport(\'./lazy.js\').then(m => console.log(m.lazy()))\n')
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [compileHints()],
    build: { write: false, sourcemap: 'hidden', minify: true, rollupOptions: { input: path.join(root, 'main.js') } },
  }) as Rolldown.RolldownOutput
  output = result.output
}, 30_000)

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const chunks = () => output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk')

describe('compileHints', () => {
  it('marks the entry chunk and what it imports statically, not the lazy chunk', () => {
    const entry = chunks().find(c => c.isEntry)!
    expect(entry.code.startsWith(HINT)).toBe(true)
    for (const file of entry.imports)
      expect(chunks().find(c => c.fileName === file)!.code.startsWith(HINT)).toBe(true)
    const lazy = chunks().find(c => c.isDynamicEntry)!
    expect(lazy.code.startsWith(HINT)).toBe(false)
  })

  it('keeps the written source map pointing at the code below the hint', () => {
    const entry = chunks().find(c => c.isEntry)!
    const mapFile = output.find(o => o.fileName === `${entry.fileName}.map`) as Rolldown.OutputAsset
    const at = entry.code.indexOf('entry-marker')
    const lines = entry.code.slice(0, at).split('\n')
    const original = originalPositionFor(new TraceMap(String(mapFile.source)), { line: lines.length, column: lines.at(-1)!.length })
    expect(original.source).toMatch(/main\.js$/)
    expect(original.line).toBe(3)
  })
})
