import type { Plugin, Rolldown } from 'vite'

type OutputChunk = Rolldown.OutputChunk

/**
 * V8's explicit compile hint (Chrome 136 and later): every function of a file that starts with it is compiled at once,
 * on a background thread while the file streams in, instead of on the main thread at its first call. Other browsers
 * read a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json[^\n]*$/

/** Marks the entry chunk and every chunk it imports statically: the code that each start of the app runs. */
export function compileHints(): Plugin {
  return {
    name: 'kluis:compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own, which put the map of lazy chunks' dependencies at the top of the entry chunk.
      order: 'post',
      handler(_options, bundle) {
        const chunks = new Map(Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk').map(chunk => [chunk.fileName, chunk]))
        const initial = new Set<OutputChunk>()
        const visit = (chunk: OutputChunk | undefined) => {
          if (!chunk || initial.has(chunk))
            return
          initial.add(chunk)
          chunk.imports.forEach(file => visit(chunks.get(file)))
        }
        ;[...chunks.values()].filter(chunk => chunk.isEntry).forEach(visit)
        for (const chunk of initial) {
          chunk.code = COMPILE_HINT + chunk.code
          if (!chunk.map)
            continue
          // The hint is one line more above the code. The map, in its file or inline, was written before this hook (as
          // Vite's own rewrite of the entry chunk knows), so it is written again.
          chunk.map.mappings = `;${chunk.map.mappings}`
          const file = bundle[`${chunk.fileName}.map`]
          if (file?.type === 'asset')
            file.source = chunk.map.toString()
          else
            chunk.code = chunk.code.replace(INLINE_MAP, () => `//# sourceMappingURL=${chunk.map!.toUrl()}`)
        }
      },
    },
  }
}
