import { ApolloError } from '@apollo/client/core'
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { composeErrorPlace } from './composeErrors'

function serverError(code: string, field?: string, reason?: string) {
  return new ApolloError({ graphQLErrors: [new GraphQLError('failed', { extensions: { code, field, reason } })] })
}

describe('composeErrorPlace', () => {
  it('puts a missing or too long subject or text next to that field', () => {
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'subject'))).toEqual({ place: 'subject', key: 'subjectRequired' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'subject', 'TOO_LONG'))).toEqual({ place: 'subject', key: 'subjectTooLong' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'body'))).toEqual({ place: 'body', key: 'bodyRequired' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'body', 'TOO_LONG'))).toEqual({ place: 'body', key: 'bodyTooLong' })
  })

  it('puts an error about one attachment next to that file', () => {
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'attachments.2', 'CONTENT_REFUSED'))).toEqual({ place: 'attachments', index: 2, key: 'fileRefused' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'attachments.0', 'UPLOAD_FAILED'))).toEqual({ place: 'attachments', index: 0, key: 'fileFailed' })
    expect(composeErrorPlace(serverError('PAYLOAD_TOO_LARGE', 'attachments.1'))).toEqual({ place: 'attachments', index: 1, key: 'fileTooLarge' })
  })

  it('puts a request too large as a whole, or too many files, by the attachments', () => {
    const tooLarge = new ApolloError({ networkError: Object.assign(new Error('413'), { statusCode: 413, result: { errors: [{ message: 'x', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } }) })
    expect(composeErrorPlace(tooLarge)).toEqual({ place: 'attachments', key: 'filesTooLarge' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'attachments'))).toEqual({ place: 'attachments', key: 'tooManyFiles' })
  })

  it('puts everything else above the buttons', () => {
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'idempotencyKey', 'KEY_REUSED'))).toEqual({ place: 'form', key: 'alreadySent' })
    expect(composeErrorPlace(serverError('BAD_USER_INPUT', 'replyToId'))).toEqual({ place: 'form', key: 'replyGone' })
    expect(composeErrorPlace(serverError('NOT_FOUND'))).toEqual({ place: 'form' })
    expect(composeErrorPlace(new ApolloError({ networkError: new TypeError('Failed to fetch') }))).toEqual({ place: 'form' })
  })
})
