// The PWA's own build, with Apollo Client swapped out at start-up (see README.md).
import { fileURLToPath } from 'node:url'
import { mergeConfig } from 'vite'
import portal from '../../../pwa/vite.config.ts'

const here = fileURLToPath(new URL('.', import.meta.url))

export default mergeConfig(portal, {
  root: fileURLToPath(new URL('../../../pwa/', import.meta.url)),
  plugins: [{
    name: 'first-screen-without-apollo',
    enforce: 'pre',
    resolveId: id => (id === '@vue/apollo-composable' ? `${here}composable.ts` : undefined),
    // main.ts loads the modules by glob, past any alias.
    load: id => (id.endsWith('/src/modules/apollo.ts') ? `export * from ${JSON.stringify(`${here}apollo-module.ts`)}` : undefined),
  }],
})
