import type { InMemoryCache } from '@apollo/client/core'
import { createStore, del, get, set } from 'idb-keyval'

const store = createStore('kluis-cache', 'apollo')

/** The persisted copy of the Apollo cache: one JSON string in IndexedDB, written by `cachePersistence.ts`. */
export const cacheKey = 'apollo-cache'

export const cacheStorage = {
  getItem: async (key: string) => (await get<string>(key, store)) ?? null,
  setItem: (key: string, value: string) => set(key, value, store),
  removeItem: (key: string) => del(key, store),
}

/**
 * Puts what the last visit persisted back into the cache, as `CachePersistor.restore()` would, without loading
 * the persistor before the first screen. Resolves to whether there was anything.
 */
export async function restoreCache(cache: InMemoryCache) {
  const persisted = await cacheStorage.getItem(cacheKey)
  if (persisted)
    cache.restore(JSON.parse(persisted))
  return !!persisted
}
