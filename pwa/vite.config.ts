import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { compileHints } from './build/compileHints.js'
import { graphqlDocuments } from './build/graphqlDocuments.js'

const apiServer = 'http://localhost:4000'
/** Served by the API server, never by the app shell or its service worker. */
const serverPaths = ['/graphql', '/graphiql', '/files', '/healthz', '/readyz']

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // Switches of the libraries: Apollo Client's development checks only in development, no Options API (every
    // component uses <script setup>), and neither vue-i18n's legacy API nor its global components.
    'globalThis.__DEV__': JSON.stringify(process.env.NODE_ENV !== 'production'),
    '__VUE_OPTIONS_API__': 'false',
    '__VUE_I18N_LEGACY_API__': 'false',
    '__VUE_I18N_FULL_INSTALL__': 'false',
    '__INTLIFY_PROD_DEVTOOLS__': 'false',
  },
  plugins: [
    vue(),
    graphqlDocuments(fileURLToPath(new URL('./src/gql', import.meta.url))),
    compileHints(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      pwaAssets: { config: true, overrideManifestIcons: true },
      manifest: {
        id: '/',
        name: 'Kluis',
        short_name: 'Kluis',
        description: 'Veilig clientportaal',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: serverPaths.map(path => new RegExp(`^${path}(?:[/?]|$)`)),
        cleanupOutdatedCaches: true,
        // No runtimeCaching: API answers and documents are never stored by the service worker.
      },
    }),
  ],
  server: {
    proxy: Object.fromEntries(serverPaths.map(path => [path, { target: apiServer, ws: path === '/graphql' }])),
  },
})
