import type { UseStore } from 'idb-keyval'
import { clear, createStore, del, set, values } from 'idb-keyval'

/** A message written offline, kept on this device until the server has it. */
export interface QueuedMessage {
  /** Sent with the message: however often it is sent (two tabs, a reload halfway), the server stores it once. */
  idempotencyKey: string
  /** Who wrote it; another account signing in on this device never sends it. Null when it was not known offline. */
  userId: string | null
  dossierId: string
  subject: string
  body: string
  replyToId: string | null
  queuedAt: string
  /** The translation key of the server's refusal; a refused message waits for the writer to remove it. */
  error?: string
}

/** How one attempt to send a queued message ended. */
export type SendOutcome =
  | { kind: 'sent' }
  /** Not now (offline, server unreachable, session ended): it stays queued and the flush stops. */
  | { kind: 'later' }
  /** The server refused it for good. */
  | { kind: 'refused', error: string }

let store: UseStore | undefined
const outbox = () => (store ??= createStore('kluis-outbox', 'messages'))

/** Oldest first: the order in which they were written. */
export async function queuedMessages(): Promise<QueuedMessage[]> {
  const all = await values<QueuedMessage>(outbox())
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

export function enqueue(message: QueuedMessage): Promise<void> {
  return set(message.idempotencyKey, message, outbox())
}

export function removeQueued(idempotencyKey: string): Promise<void> {
  return del(idempotencyKey, outbox())
}

/** At sign-out: nothing written by this account stays on the device. */
export function clearOutbox(): Promise<void> {
  return clear(outbox())
}

/** One flush at a time in this tab, and across tabs where the browser has the Web Locks API. */
let running: Promise<number> | undefined
/** Asked for while one ran: what was queued meanwhile goes in a second round. */
let again = false

/**
 * Sends the queued messages of `userId`, oldest first, each removed once the server has it; messages of another
 * account are dropped. Stops at the first that cannot go now. Resolves with how many were sent.
 */
export function flushOutbox(userId: string, send: (message: QueuedMessage) => Promise<SendOutcome>): Promise<number> {
  const flushOnce = async () => {
    let sent = 0
    for (const message of await queuedMessages()) {
      if (message.error)
        continue
      if (message.userId !== null && message.userId !== userId) {
        await removeQueued(message.idempotencyKey)
        continue
      }
      const outcome = await send(message)
      if (outcome.kind === 'later')
        break
      if (outcome.kind === 'refused') {
        await enqueue({ ...message, error: outcome.error })
        continue
      }
      await removeQueued(message.idempotencyKey)
      sent++
    }
    return sent
  }
  const flush = async () => {
    let sent = 0
    do {
      again = false
      sent += await flushOnce()
    } while (again)
    return sent
  }
  if (running) {
    again = true
    return running
  }
  const flushing = typeof navigator !== 'undefined' && navigator.locks
    ? navigator.locks.request('kluis-outbox', flush).then(sent => sent)
    : flush()
  running = flushing.finally(() => (running = undefined))
  return running
}
