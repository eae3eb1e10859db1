import { ApolloError } from '@apollo/client/core'
import { errorCodeOf, errorFieldOf } from '@/composables/errors/useErrorMessage'

export interface ComposeErrorPlace {
  /** Next to which part of the form the error goes. */
  place: 'subject' | 'body' | 'attachments' | 'form'
  /** The attachment at fault, by its position in what was sent. */
  index?: number
  /** A text of the messages feature (under `dossier.messages.errors`); none means the error code's general text. */
  key?: string
}

function reasonOf(error: unknown): unknown {
  return error instanceof ApolloError ? error.graphQLErrors[0]?.extensions?.reason : undefined
}

/** Where the compose form shows an error of `sendMessage`, and with which text. */
export function composeErrorPlace(error: unknown): ComposeErrorPlace {
  const code = errorCodeOf(error)
  const field = errorFieldOf(error)
  const reason = reasonOf(error)
  const attachment = /^attachments\.(\d+)$/.exec(field ?? '')
  if (attachment) {
    const index = Number(attachment[1])
    if (code === 'PAYLOAD_TOO_LARGE')
      return { place: 'attachments', index, key: 'fileTooLarge' }
    return { place: 'attachments', index, key: reason === 'CONTENT_REFUSED' ? 'fileRefused' : 'fileFailed' }
  }
  if (code === 'PAYLOAD_TOO_LARGE')
    return { place: 'attachments', key: 'filesTooLarge' }
  if (code !== 'BAD_USER_INPUT')
    return { place: 'form' }
  switch (field) {
    case 'subject':
      return { place: 'subject', key: reason === 'TOO_LONG' ? 'subjectTooLong' : 'subjectRequired' }
    case 'body':
      return { place: 'body', key: reason === 'TOO_LONG' ? 'bodyTooLong' : 'bodyRequired' }
    case 'attachments':
      return { place: 'attachments', key: 'tooManyFiles' }
    case 'idempotencyKey':
      return { place: 'form', key: 'alreadySent' }
    case 'replyToId':
      return { place: 'form', key: 'replyGone' }
    default:
      return { place: 'form' }
  }
}
