import { ApolloError } from '@apollo/client/core'
import { mount } from '@vue/test-utils'
import { GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import en from '@/locales/en.json'
import nl from '@/locales/nl.json'
import { i18n, loadLocale } from '@/modules/i18n'
import { errorCodeOf, errorCodes, errorFieldOf, errorMessageKey, errorReasonOf, errorReasons, useErrorMessage } from './useErrorMessage'

function coded(code: string) {
  return new GraphQLError('failed', { extensions: { code } })
}

describe('error messages', () => {
  it.each(errorCodes)('has a Dutch and an English text for %s', (code) => {
    expect(nl.errors[code]).toMatch(/\S/)
    expect(en.errors[code]).toMatch(/\S/)
  })

  it('has no text for a code the PWA does not know', () => {
    expect(Object.keys(nl.errors).sort()).toEqual([...errorCodes].sort())
    expect(Object.keys(en.errors).sort()).toEqual([...errorCodes].sort())
  })
})

describe('errorCodeOf', () => {
  it('reads the code of the first GraphQL error', () => {
    expect(errorCodeOf(new ApolloError({ graphQLErrors: [coded('RATE_LIMITED')] }))).toBe('RATE_LIMITED')
  })

  it('treats an unknown code as an internal error', () => {
    expect(errorCodeOf(new ApolloError({ graphQLErrors: [coded('GRAPHQL_VALIDATION_FAILED')] }))).toBe('INTERNAL_SERVER_ERROR')
  })

  it('reads the code from an HTTP error body, else from its status', () => {
    const withBody = Object.assign(new Error('400'), { statusCode: 400, result: { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] } })
    const tooLarge = Object.assign(new Error('413'), { statusCode: 413, result: 'Payload Too Large' })
    expect(errorCodeOf(new ApolloError({ networkError: withBody }))).toBe('BAD_USER_INPUT')
    expect(errorCodeOf(new ApolloError({ networkError: tooLarge }))).toBe('PAYLOAD_TOO_LARGE')
  })

  it('calls a request without an answer a network error', () => {
    expect(errorCodeOf(new ApolloError({ networkError: new TypeError('Failed to fetch') }))).toBe('NETWORK')
  })

  it('accepts a single GraphQL error', () => {
    expect(errorCodeOf(coded('NOT_FOUND'))).toBe('NOT_FOUND')
  })
})

/** The text useErrorMessage gives for an error, as a component shows it. */
function shown(error: unknown) {
  return mount(defineComponent({
    setup() {
      const errorMessage = useErrorMessage()
      return () => h('p', errorMessage(error))
    },
  }), { global: { plugins: [i18n] } }).text()
}

const rateLimited = (retryAfterSeconds: number) => new ApolloError({ graphQLErrors: [new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } })] })

describe('useErrorMessage', () => {
  it('gives the text in the current language', async () => {
    await loadLocale('en')
    expect(shown(coded('FORBIDDEN'))).toBe(en.errors.FORBIDDEN)
  })
})

function reasoned(reason: string, field = 'password') {
  return new ApolloError({ graphQLErrors: [new GraphQLError('failed', { extensions: { code: 'BAD_USER_INPUT', field, reason } })] })
}

describe('error reasons', () => {
  it.each(errorReasons)('has a Dutch and an English text for %s', (reason) => {
    expect(nl.reasons[reason]).toMatch(/\S/)
    expect(en.reasons[reason]).toMatch(/\S/)
  })

  it('reads the field and reason beside BAD_USER_INPUT', () => {
    const error = reasoned('NO_DIGIT')
    expect(errorFieldOf(error)).toBe('password')
    expect(errorReasonOf(error)).toBe('NO_DIGIT')
    expect(errorMessageKey(error)).toBe('reasons.NO_DIGIT')
  })

  it('falls back to the code\'s text for a reason it does not know', () => {
    const error = reasoned('SOMETHING_NEW', 'subject')
    expect(errorReasonOf(error)).toBeUndefined()
    expect(errorFieldOf(error)).toBe('subject')
    expect(errorMessageKey(error)).toBe('errors.BAD_USER_INPUT')
  })

  it('gives the reason\'s text in the current language', async () => {
    await loadLocale('nl')
    expect(shown(reasoned('INVALID_LINK', 'token'))).toBe(nl.reasons.INVALID_LINK)
  })

  it('says how long to wait when rate limited', async () => {
    await loadLocale('en')
    expect(shown(rateLimited(42))).toBe('Too many attempts. Try again in 42 seconds.')
  })

  it('says it in minutes when the wait is longer', async () => {
    await loadLocale('nl')
    expect(shown(rateLimited(841))).toBe('Te veel pogingen. Probeer het over 15 minuten opnieuw.')
  })
})
