import type { Client } from 'graphql-ws'
import { CloseCode, createClient } from 'graphql-ws'
import { retryDelay } from './backoff'

/** Resolves after `ms`, or sooner when the browser comes back online. */
function waitOrOnline(ms: number) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      window.removeEventListener('online', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    window.addEventListener('online', done)
  })
}

/** Closed because the socket had no (or no longer a) session: retrying cannot help until someone signs in. */
function isSessionRefusal(event: unknown) {
  const code = (event as { code?: unknown } | null)?.code
  return code === CloseCode.Forbidden || code === CloseCode.Unauthorized
}

/** Our own close code: the socket is reopened at once with the cookie the browser holds now. */
const restartCode = 4205

export interface GraphqlSocket {
  client: Client
  /** Reopens an open socket, so that it authenticates with the current session cookie (after sign-in or sign-out). */
  restart: () => void
  /** Called each time the socket connects again after an earlier connection: events may have been missed. */
  onReconnected: (listener: () => void) => () => void
}

function url() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`
}

export function createGraphqlSocket(): GraphqlSocket {
  const reconnectListeners = new Set<() => void>()
  let socket: WebSocket | undefined
  let connecting = false
  let restartWhenOpen = false
  let connections = 0

  function restart() {
    if (socket?.readyState === WebSocket.OPEN)
      socket.close(restartCode, 'Client Restart')
    else if (connecting)
      restartWhenOpen = true
  }

  const client = createClient({
    url,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: event => !isSessionRefusal(event),
    retryWait: retries => waitOrOnline(retryDelay(retries)),
    on: {
      connecting: () => {
        connecting = true
      },
      opened: (opened) => {
        connecting = false
        socket = opened as WebSocket
        if (restartWhenOpen) {
          restartWhenOpen = false
          restart()
        }
      },
      connected: () => {
        if (connections++ > 0)
          reconnectListeners.forEach(listener => listener())
      },
      closed: () => {
        connecting = false
        socket = undefined
      },
    },
  })

  return {
    client,
    restart,
    onReconnected(listener) {
      reconnectListeners.add(listener)
      return () => reconnectListeners.delete(listener)
    },
  }
}

let shared: GraphqlSocket | undefined

/** The one socket of this tab, shared by Apollo's link and the live counts. */
export function graphqlSocket(): GraphqlSocket {
  return (shared ??= createGraphqlSocket())
}
