import type { Plugin } from 'vite'
import path from 'node:path'
import { transformAsync } from '@babel/core'
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset'

const documentPrefix = '\0graphql-document:'

/**
 * Each GraphQL document goes into the chunk of the code that uses it. At run time the client preset's `graphql()`
 * looks documents up in one map of them all (`gql/gql.ts`), which puts every document of the app into the first
 * chunk. So, at build time, each `graphql(`…`)` call becomes an import of its generated document (the preset's own
 * Babel plugin), and the generated `graphql.ts` becomes a barrel of one module per document, so that a document
 * lands only in the chunks that import it. Types and tests keep using `gql/` as generated.
 */
export function graphqlDocuments(gqlDir: string): Plugin {
  const generated = path.join(gqlDir, 'graphql.ts')
  const documents = new Map<string, string>()
  return {
    name: 'kluis:graphql-documents',
    // After the TypeScript and SFC transforms: the code is JavaScript by now.
    enforce: 'post',
    resolveId(id) {
      return id.startsWith(documentPrefix) ? id : undefined
    },
    load(id) {
      if (!id.startsWith(documentPrefix))
        return
      // Regenerated documents reach the dev server's modules too.
      this.addWatchFile(generated)
      const name = id.slice(documentPrefix.length)
      const document = documents.get(name)
      if (document === undefined)
        throw new Error(`No generated GraphQL document ${name}: run npm run codegen`)
      return { code: `export const ${name} = ${document}`, moduleSideEffects: false }
    },
    async transform(code, id) {
      const file = id.replace(/\?.*$/, '')
      if (file === generated) {
        const reexports = this.parse(code).body.map((statement) => {
          const declarator = statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration'
            ? statement.declaration.declarations[0]
            : undefined
          if (declarator?.id.type !== 'Identifier' || !declarator.init)
            throw new Error(`${generated}: expected only exported document constants, found ${code.slice(statement.start, statement.end).slice(0, 80)}`)
          documents.set(declarator.id.name, code.slice(declarator.init.start, declarator.init.end))
          return `export { ${declarator.id.name} } from '${documentPrefix}${declarator.id.name}'`
        })
        return { code: reexports.join('\n'), map: null, moduleSideEffects: false }
      }
      // What is left of the generated map and `graphql()` is unused now: nothing may keep it in a chunk.
      if (file.startsWith(gqlDir))
        return { code, moduleSideEffects: false }
      if (file.includes('/node_modules/') || !code.includes('graphql('))
        return
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        plugins: [[babelOptimizerPlugin, { artifactDirectory: gqlDir, gqlTagName: 'graphql' }]],
      })
      return result?.code ? { code: result.code, map: result.map } : undefined
    },
  }
}
