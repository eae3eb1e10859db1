import { ApolloError } from '@apollo/client/core'
import { useI18n } from 'vue-i18n'

/** The server's `extensions.code` values, plus NETWORK for a request that never got an answer. */
export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** The server's `extensions.reason` values beside BAD_USER_INPUT: the rule that was broken. */
export const errorReasons = [
  'TOO_SHORT',
  'TOO_LONG',
  'NO_CAPITAL',
  'NO_DIGIT',
  'TOO_COMMON',
  'INVALID_LINK',
  'WRONG_CODE',
  'EXPIRED',
  'LAST_SECOND_FACTOR',
  'SECOND_FACTOR_REQUIRED',
  'STALE_TERMS',
  'EMAIL_TAKEN',
  'WRONG_CREDENTIALS',
  'ALREADY_ACTIVE',
] as const

export type ErrorReason = (typeof errorReasons)[number]

interface CodedError { extensions?: { code?: unknown, field?: unknown, reason?: unknown, retryAfterSeconds?: unknown } }
/** Apollo's ServerError and ServerParseError carry these; a failed fetch carries neither. */
interface NetworkError extends Error { statusCode?: number, result?: unknown }

const httpStatusCodes: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
}

function isErrorCode(value: unknown): value is ErrorCode {
  return errorCodes.includes(value as ErrorCode)
}

function codeOfGraphqlErrors(errors: readonly CodedError[]): ErrorCode | undefined {
  if (errors.length === 0)
    return undefined
  return errors.map(error => error.extensions?.code).find(isErrorCode) ?? 'INTERNAL_SERVER_ERROR'
}

function codeOfNetworkError({ statusCode, result }: NetworkError): ErrorCode {
  const bodyErrors = typeof result === 'object' && result !== null && 'errors' in result && Array.isArray(result.errors) ? result.errors : []
  const fromBody = codeOfGraphqlErrors(bodyErrors)
  if (fromBody)
    return fromBody
  if (statusCode === undefined)
    return 'NETWORK'
  return httpStatusCodes[statusCode] ?? 'INTERNAL_SERVER_ERROR'
}

/** What went wrong, as one of the codes the PWA has a text for; anything unrecognised is an internal error. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof ApolloError) {
    return codeOfGraphqlErrors(error.graphQLErrors)
      ?? (error.networkError ? codeOfNetworkError(error.networkError) : 'INTERNAL_SERVER_ERROR')
  }
  if (typeof error === 'object' && error !== null && 'extensions' in error)
    return codeOfGraphqlErrors([error as CodedError]) ?? 'INTERNAL_SERVER_ERROR'
  return 'INTERNAL_SERVER_ERROR'
}

function firstGraphqlError(error: unknown): CodedError | undefined {
  if (error instanceof ApolloError)
    return error.graphQLErrors[0]
  if (typeof error === 'object' && error !== null && 'extensions' in error)
    return error as CodedError
  return undefined
}

function isErrorReason(value: unknown): value is ErrorReason {
  return errorReasons.includes(value as ErrorReason)
}

/** The input field the server names as at fault, if any. */
export function errorFieldOf(error: unknown): string | undefined {
  const field = firstGraphqlError(error)?.extensions?.field
  return typeof field === 'string' ? field : undefined
}

/** The broken rule the server names, when the PWA has a text for it. */
export function errorReasonOf(error: unknown): ErrorReason | undefined {
  const reason = firstGraphqlError(error)?.extensions?.reason
  return isErrorReason(reason) ? reason : undefined
}

/** The translation key for an error: its reason where known, else its code. */
export function errorMessageKey(error: unknown): string {
  const reason = errorReasonOf(error)
  if (reason)
    return `reasons.${reason}`
  const code = errorCodeOf(error)
  const seconds = firstGraphqlError(error)?.extensions?.retryAfterSeconds
  if (code === 'RATE_LIMITED' && typeof seconds === 'number')
    return seconds >= 120 ? 'reasons.RATE_LIMITED_MINUTES' : 'reasons.RATE_LIMITED_FOR'
  return `errors.${code}`
}

export function useErrorMessage() {
  const { t } = useI18n()
  return (error: unknown) => {
    const retry = firstGraphqlError(error)?.extensions?.retryAfterSeconds
    const seconds = typeof retry === 'number' ? retry : 0
    return t(errorMessageKey(error), { seconds, minutes: Math.ceil(seconds / 60) })
  }
}
