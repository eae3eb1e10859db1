import type { ApolloClient } from '@apollo/client/core'
import { readonly, ref } from 'vue'
import { clearAppBadge } from '@/composables/live/appBadge'
import { forgetCachedData } from '@/modules/apollo'

/**
 * Whether this tab has a signed-in session (sign-in finished), as the router's guard last learned it from the server
 * or, offline, from the persisted cache. Undefined until the first navigation.
 */
const signedIn = ref<boolean>()

type SessionListener = (signedIn: boolean, before: boolean | undefined) => void | Promise<void>
const listeners = new Set<SessionListener>()

/** Calls `listener` at each change (sign-in, sign-out, a session that ended); returns the function that stops it. */
export function onSessionChange(listener: SessionListener) {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Told by the router's guard; resolves once every listener is done, before the navigation goes on. */
export async function setSignedIn(value: boolean) {
  const before = signedIn.value
  signedIn.value = value
  if (before !== value)
    await Promise.all([...listeners].map(listener => listener(value, before)))
}

export function useSession() {
  return { signedIn: readonly(signedIn) }
}

/** At sign-out: nothing of the account stays in this browser (cache, its persisted copy, queued messages, badge). */
export async function forgetSession(client: ApolloClient<unknown>) {
  const forgetQueued = import('@/composables/offline/useOutbox').then(outbox => outbox.forgetQueuedMessages())
  await Promise.all([forgetCachedData(client), forgetQueued, clearAppBadge()])
}
