import type { ApolloClient } from '@apollo/client/core'
import type { GraphqlSocket } from './socket'
import { onSessionChange } from '@/composables/auth/session'
import { HomeQuery } from '@/composables/dossier/useHome'
import { graphql } from '@/gql'
import { forgetCachedData, whenCacheRestored } from '@/modules/apollo'
import { clearAppBadge, setAppBadge } from './appBadge'
import { retryDelay } from './backoff'
import { refetchActive, refetchActiveNamed } from './refetch'
import { shouldRefetch, writeUnreadCounts } from './unreadCounts'

const UnreadCountsChangedSubscription = graphql(`
  subscription UnreadCountsChanged {
    unreadCountsChanged {
      dossierId
      openActions
      unreadTotal
      counts {
        correspondence { total unread }
        documents { total unread }
        provided { total unread }
        messages { total unread }
      }
    }
  }
`)

/** What shows counts or lists that events may have changed while the socket was down. */
const countQueries = ['Home', 'Dossier', 'Dossiers', 'DossierStatusCounts', 'DossierDocuments', 'DossierMessages', 'Actions', 'DossierQuestionnaires']

/** Keeps the counts of every view current from `unreadCountsChanged`; resubscribes with backoff when it ends. */
function followUnreadCounts(client: ApolloClient<unknown>) {
  let stopped = false
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let subscription: { unsubscribe: () => void } | undefined
  const again = () => {
    if (!stopped)
      timer = setTimeout(start, retryDelay(failures++))
  }
  function start() {
    subscription = client.subscribe({ query: UnreadCountsChangedSubscription }).subscribe({
      next: ({ data }) => {
        failures = 0
        if (!data)
          return
        const plan = writeUnreadCounts(client.cache, data.unreadCountsChanged)
        void refetchActive(client, query => shouldRefetch(query, plan))
      },
      error: again,
      complete: again,
    })
  }
  start()
  return () => {
    stopped = true
    clearTimeout(timer)
    subscription?.unsubscribe()
  }
}

/** The app icon's badge: unread documents and messages plus open actions, from the home counts in the cache. */
function followAppBadge(client: ApolloClient<unknown>) {
  const subscription = client.watchQuery({ query: HomeQuery, fetchPolicy: 'cache-first' }).subscribe({
    next: ({ data }) => {
      if (data?.home)
        void setAppBadge(data.home.unreadTotal + data.home.openActions)
    },
    error: () => undefined,
  })
  return () => subscription.unsubscribe()
}

/** Runs `run` when the browser is next idle (at the latest after two seconds), unless cancelled before. */
function whenIdle(run: () => void) {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2_000 })
    return { cancel: () => cancelIdleCallback(handle) }
  }
  const handle = setTimeout(run, 200)
  return { cancel: () => clearTimeout(handle) }
}

/**
 * What lives as long as a signed-in session in this tab: the socket reopened with the session's cookie, live counts,
 * the app badge, and queued messages sent when the network is back. When the session ends, what this browser knew
 * of it is forgotten.
 */
export function startLiveSession(client: ApolloClient<unknown>) {
  // Loaded with the first subscription, after the first screen: until then there is no socket to reopen.
  let socket: Promise<GraphqlSocket> | undefined
  const loadSocket = () => (socket ??= import('./socket').then(module => module.graphqlSocket()))
  let stopSession: (() => void) | undefined
  // The outbox is loaded apart from the initial bundle: most sessions never queue a message.
  const flush = () => void import('@/composables/offline/useOutbox').then(outbox => outbox.flushQueuedMessages(client))
  /** Back online: what failed offline is asked again, and queued messages go out. */
  const refresh = () => {
    void refetchActiveNamed(client, countQueries)
    flush()
  }

  onSessionChange(async (signedIn, before) => {
    stopSession?.()
    stopSession = undefined
    void socket?.then(opened => opened.restart())
    if (signedIn) {
      let active = true
      const stops: (() => void)[] = []
      window.addEventListener('online', refresh)
      // A flush that met an unreachable server is tried again now and then.
      const timer = setInterval(flush, 60_000)
      // Not part of the first screen: started once the page has rendered, so that the badge finds its counts cached.
      const idle = whenIdle(() => {
        stops.push(followUnreadCounts(client), followAppBadge(client))
        void loadSocket().then((loaded) => {
          if (active)
            stops.push(loaded.onReconnected(refresh))
        })
        flush()
      })
      stopSession = () => {
        active = false
        idle.cancel()
        stops.forEach(stop => stop())
        window.removeEventListener('online', refresh)
        clearInterval(timer)
      }
    }
    // The server says there is no session (signed out, expired, or ended elsewhere): forget what it showed. At the
    // first navigation that is what the last visit persisted: with nothing persisted there is nothing to forget.
    else if (before !== false) {
      const forget = before === true || await whenCacheRestored()
      await Promise.all([forget && forgetCachedData(client), clearAppBadge()])
    }
  })
}
