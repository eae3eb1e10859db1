import type { InMemoryCache, NormalizedCacheObject } from '@apollo/client/core'
import { CachePersistor } from 'apollo3-cache-persist'
import { cacheKey, cacheStorage } from './cacheStore'

/**
 * Keeps a copy of the Apollo cache in IndexedDB, written shortly after each change, so that the dossiers a client has
 * seen stay readable offline. Signing out purges it.
 */
export function createCachePersistor(cache: InMemoryCache) {
  const persistor = new CachePersistor<NormalizedCacheObject>({
    cache,
    // No size cap: past a cap the persistor would silently drop everything at once.
    maxSize: false,
    debounce: 500,
    key: cacheKey,
    storage: cacheStorage,
  })
  // Also when the page is left or hidden (a reload, the app sent to the background), not only after the debounce.
  const persistNow = () => void persistor.persist()
  window.addEventListener('pagehide', persistNow)
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && persistNow())
  return persistor
}
