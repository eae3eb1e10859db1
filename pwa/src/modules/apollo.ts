import type { NormalizedCacheObject } from '@apollo/client/core'
import type { CachePersistor } from 'apollo3-cache-persist'
import type { UserModule } from '@/types'
import type { ObservableSubscription } from '@apollo/client/utilities'
import { ApolloClient, ApolloLink, InMemoryCache, Observable, split } from '@apollo/client/core'
import { getMainDefinition } from '@apollo/client/utilities'
import { DefaultApolloClient } from '@vue/apollo-composable'
import createUploadLink from 'apollo-upload-client/createUploadLink.mjs'
import { restoreCache } from '@/composables/offline/cacheStore'

/** The WebSocket link, loaded (with graphql-ws) at the first subscription: no first screen needs it. */
function lazyWsLink(): ApolloLink {
  let loaded: Promise<ApolloLink> | undefined
  return new ApolloLink(operation => new Observable((observer) => {
    let subscription: ObservableSubscription | undefined
    let closed = false
    loaded ??= import('@/composables/live/wsLink').then(module => module.createWsLink())
    loaded.then((link) => {
      if (!closed)
        subscription = link.request(operation)?.subscribe(observer)
    }, (error: unknown) => {
      // Tried again at the next subscription.
      loaded = undefined
      observer.error(error)
    })
    return () => {
      closed = true
      subscription?.unsubscribe()
    }
  }))
}

/**
 * Queries and mutations over HTTP (as a multipart request when the variables hold files), subscriptions over one
 * lazily opened WebSocket to the same origin that reconnects with backoff; the session cookie authenticates both. The preflight header satisfies the server's CSRF
 * prevention, which refuses a multipart request without it.
 */
export function createGraphqlLink(): ApolloLink {
  const http = createUploadLink({
    uri: '/graphql',
    credentials: 'same-origin',
    headers: { 'Apollo-Require-Preflight': 'true' },
  })
  return split(
    ({ query }) => {
      const definition = getMainDefinition(query)
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription'
    },
    lazyWsLink(),
    http,
  )
}

export function createApolloClient(link: ApolloLink = createGraphqlLink()) {
  return new ApolloClient({
    link,
    // A question's id is unique only within its questionnaire: questions stay inside the request that holds them. The
    // portal is one object, whose fields come from several queries.
    cache: new InMemoryCache({ typePolicies: { Question: { keyFields: false }, Portal: { merge: true } } }),
    // What was seen shows at once (also offline, from the persisted cache) while the server is asked again.
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  })
}

let restored = Promise.resolve(false)
let persistor: Promise<CachePersistor<NormalizedCacheObject> | undefined> = Promise.resolve(undefined)

/**
 * Resolves once the cache holds what the last visit persisted (or at once where IndexedDB cannot be used), to whether
 * there was anything.
 */
export function whenCacheRestored(): Promise<boolean> {
  return restored
}

/**
 * Empties the cache and its persisted copy: at sign-out, and when the server says there is no session. What is on
 * screen (the shell, the sign-in page) is fetched again, without waiting for it; queries in flight are not lost.
 */
export async function forgetCachedData(client: ApolloClient<unknown>) {
  const persisted = await persistor
  persisted?.pause()
  void client.resetStore().catch(() => undefined)
  await persisted?.purge()
  persisted?.resume()
}

async function persistCache(cache: InMemoryCache) {
  try {
    // Loaded apart from the first chunk: writing the copy can wait, reading it (cacheStore) cannot.
    const { createCachePersistor } = await import('@/composables/offline/cachePersistence')
    const created = createCachePersistor(cache)
    // What the first answers wrote before it listened.
    void created.persist()
    return created
  }
  catch {
    return undefined
  }
}

export const install: UserModule = (app) => {
  const client = createApolloClient()
  app.provide(DefaultApolloClient, client)
  const cache = client.cache as InMemoryCache
  restored = restoreCache(cache).catch(() => false)
  persistor = restored.then(() => persistCache(cache))
  // Restoring replaces what the cache holds: nothing may query before it is done.
  return restored.then(() => undefined)
}
