import type { Ref } from 'vue'
import type { Attachment } from './attachments'
import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable'
import { computed } from 'vue'
import { graphql } from '@/gql'

const DossierMessagesQuery = graphql(`
  query DossierMessages($dossierId: ID!, $first: Int, $after: String) {
    dossier(id: $dossierId) {
      id
      messages(first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            subject
            body
            automatic
            createdAt
            direction
            read
            author {
              id
              profile {
                displayName
              }
            }
            attachments {
              id
              title
              fileName
              size
              downloadUrl
            }
            replyTo {
              id
              subject
              body
              createdAt
              author {
                id
                profile {
                  displayName
                }
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`)

const MarkMessageReadMutation = graphql(`
  mutation MarkMessageRead($id: ID!) {
    markMessageRead(id: $id) {
      id
      read
    }
  }
`)

const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      subject
    }
  }
`)

const pageSize = 20
/** What shows counts and documents that a read or sent message changes. */
const affectedQueries = ['Dossier', 'Home', 'Dossiers']

export type DossierMessage = NonNullable<ReturnType<typeof useDossierMessages>['messages']['value'][number]>

/** The messages of a dossier, newest first, a page at a time. */
export function useDossierMessages(dossierId: Ref<string>) {
  const variables = computed(() => ({ dossierId: dossierId.value, first: pageSize }))
  const { result, loading, error, fetchMore, refetch } = useQuery(DossierMessagesQuery, variables, { fetchPolicy: 'cache-and-network' })
  const connection = computed(() => result.value?.dossier?.messages)

  function loadMore() {
    const after = connection.value?.pageInfo.endCursor
    if (!after)
      return
    return fetchMore({
      variables: { ...variables.value, after },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!previous.dossier || !fetchMoreResult?.dossier)
          return previous
        const messages = fetchMoreResult.dossier.messages
        return { dossier: { ...fetchMoreResult.dossier, messages: { ...messages, edges: [...previous.dossier.messages.edges, ...messages.edges] } } }
      },
    })
  }

  return {
    messages: computed(() => connection.value?.edges.map(edge => edge.node) ?? []),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    loading,
    error,
    loadMore,
    refetch,
  }
}

/** Marks a message read on the server; the tab's unread count and the home counts follow. */
export function useMarkMessageRead() {
  const { mutate } = useMutation(MarkMessageReadMutation, { refetchQueries: affectedQueries })
  return (id: string) => mutate({ id })
}

export interface MessageDraft {
  subject: string
  body: string
  attachments: Attachment[]
  replyToId?: string
  /** Made once per message being written, so sending it again after a failure never sends it twice. */
  idempotencyKey: string
}

/** A random key; `crypto.randomUUID` exists only on https (and localhost), `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function')
    return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Sends a message with its attachments in one multipart request. Afterwards the messages, the counts and the
 * documents (attachments become documents) are fetched again; the documents of the dossier are dropped from the
 * cache so that a tab opened later cannot show the list from before.
 */
export function useSendMessage(dossierId: Ref<string>) {
  const { resolveClient } = useApolloClient()
  const { mutate, loading } = useMutation(SendMessageMutation)

  async function send(draft: MessageDraft) {
    const result = await mutate({
      input: {
        dossierId: dossierId.value,
        subject: draft.subject,
        body: draft.body,
        replyToId: draft.replyToId ?? null,
        attachments: draft.attachments.length > 0 ? draft.attachments.map(attachment => attachment.file) : null,
        idempotencyKey: draft.idempotencyKey,
      },
    })
    const client = resolveClient()
    client.cache.evict({ id: client.cache.identify({ __typename: 'Dossier', id: dossierId.value }), fieldName: 'documents' })
    await client.refetchQueries({ include: ['DossierMessages', 'DossierDocuments', ...affectedQueries] })
    return result?.data?.sendMessage
  }

  /** The messages again, for when an earlier attempt turns out to have arrived after all. */
  async function refresh() {
    await resolveClient().refetchQueries({ include: ['DossierMessages', ...affectedQueries] })
  }

  return { send, refresh, sending: loading }
}
