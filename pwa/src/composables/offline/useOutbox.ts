import type { ApolloClient } from '@apollo/client/core'
import type { QueuedMessage, SendOutcome } from './outbox'
import type { ErrorCode } from '@/composables/errors/useErrorMessage'
import { useApolloClient } from '@vue/apollo-composable'
import { computed, readonly, ref } from 'vue'
import { errorCodeOf, errorMessageKey } from '@/composables/errors/useErrorMessage'
import { refetchActiveNamed } from '@/composables/live/refetch'
import { graphql } from '@/gql'
import { clearOutbox, enqueue, flushOutbox, queuedMessages, removeQueued } from './outbox'

const SendQueuedMessageMutation = graphql(`
  mutation SendQueuedMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
    }
  }
`)

const ViewerIdQuery = graphql(`
  query ViewerId {
    me {
      id
    }
  }
`)

/** This tab's view of the queue in IndexedDB, read again after each change. */
const queued = ref<QueuedMessage[]>([])
let loaded: Promise<void> | undefined

async function reload() {
  queued.value = await queuedMessages().catch(() => queued.value)
}

/** Errors after which the message may well go through later; anything else is a refusal of this message. */
const temporary: ErrorCode[] = ['NETWORK', 'SERVICE_UNAVAILABLE', 'UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']

async function send(client: ApolloClient<unknown>, message: QueuedMessage): Promise<SendOutcome> {
  const { dossierId, subject, body, replyToId, idempotencyKey } = message
  try {
    await client.mutate({ mutation: SendQueuedMessageMutation, variables: { input: { dossierId, subject, body, replyToId, idempotencyKey } } })
    return { kind: 'sent' }
  }
  catch (error) {
    return temporary.includes(errorCodeOf(error)) ? { kind: 'later' } : { kind: 'refused', error: errorMessageKey(error) }
  }
}

/** Sends what waits in the queue, when there is something and the browser is online; safe to call any time. */
export async function flushQueuedMessages(client: ApolloClient<unknown>) {
  await (loaded ??= reload())
  if (!navigator.onLine || !queued.value.some(message => !message.error))
    return
  let userId: string | undefined
  try {
    userId = (await client.query({ query: ViewerIdQuery, fetchPolicy: 'network-only' })).data.me?.id
  }
  catch {}
  if (!userId)
    return
  const sent = await flushOutbox(userId, message => send(client, message)).catch(() => 0)
  await reload()
  if (sent > 0)
    await refetchActiveNamed(client, ['DossierMessages', 'Dossier', 'Dossiers', 'Home'])
}

/** At sign-out: the queue goes with the session. */
export async function forgetQueuedMessages() {
  queued.value = []
  await clearOutbox().catch(() => undefined)
}

export interface MessageToQueue {
  dossierId: string
  subject: string
  body: string
  replyToId?: string | null
  idempotencyKey: string
}

/** The messages waiting on this device to be sent, and how to add and remove them. */
export function useOutbox() {
  const { resolveClient } = useApolloClient()
  void (loaded ??= reload())
  return {
    queued: readonly(queued),
    /** The queued messages of one dossier, oldest first. */
    queuedIn: (dossierId: () => string) => computed(() => queued.value.filter(message => message.dossierId === dossierId())),
    async queue(message: MessageToQueue) {
      const client = resolveClient()
      const userId = client.readQuery({ query: ViewerIdQuery })?.me?.id ?? null
      await enqueue({ ...message, replyToId: message.replyToId ?? null, userId, queuedAt: new Date().toISOString() })
      await reload()
      void flushQueuedMessages(client)
    },
    async remove(idempotencyKey: string) {
      await removeQueued(idempotencyKey)
      await reload()
    },
  }
}
