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

/** The entry imports one module statically and another lazily; both import a third. */
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'))
  const write = (name: string, code: string) => fs.writeFileSync(path.join(root, name), code)
  write('shared.js', 'export function greet(name) {\n  return `hello ${name}`\n}\n')
  write('lazy.js', 'import { greet } from \'./shared.js\'\nexport const lazy = () => greet(\'lazy\')\n')
  write('main.js', 'import { greet } from \'./shared.js\'\n\nconsole.log(greet(\'entry-marker\'))\nimport(\'./lazy.js\').then(m => console.log(m.lazy()))\n')
})

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

async function chunksBuilt(sourcemap: 'hidden' | 'inline') {
  const { output } = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [compileHints()],
    build: { write: false, sourcemap, minify: true, rollupOptions: { input: path.join(root, 'main.js') } },
  }) as Rolldown.RolldownOutput
  return { output, chunks: output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk') }
}

/** Where the entry chunk's marker comes from, by the map the build wrote. */
function markerSource(code: string, map: string) {
  const lines = code.slice(0, code.indexOf('entry-marker')).split('\n')
  return originalPositionFor(new TraceMap(map), { line: lines.length, column: lines.at(-1)!.length })
}

describe('compileHints', () => {
  it('marks the entry chunk and what it imports statically, not the lazy chunk', async () => {
    const { chunks } = await chunksBuilt('hidden')
    const entry = chunks.find(c => c.isEntry)!
    expect(entry.code.startsWith(HINT)).toBe(true)
    for (const file of entry.imports)
      expect(chunks.find(c => c.fileName === file)!.code.startsWith(HINT)).toBe(true)
    expect(chunks.find(c => c.isDynamicEntry)!.code.startsWith(HINT)).toBe(false)
  })

  it('keeps a map file pointing at the code below the hint', async () => {
    const { output, chunks } = await chunksBuilt('hidden')
    const entry = chunks.find(c => c.isEntry)!
    const mapFile = output.find(o => o.fileName === `${entry.fileName}.map`) as Rolldown.OutputAsset
    expect(markerSource(entry.code, String(mapFile.source))).toMatchObject({ source: expect.stringMatching(/main\.js$/), line: 3 })
  })

  it('keeps an inline map pointing at the code below the hint', async () => {
    const { chunks } = await chunksBuilt('inline')
    const entry = chunks.find(c => c.isEntry)!
    const inline = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([\w+/=]+)\s*$/.exec(entry.code)!
    expect(markerSource(entry.code, Buffer.from(inline[1]!, 'base64').toString())).toMatchObject({ source: expect.stringMatching(/main\.js$/), line: 3 })
  })
})
