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

interface CodedError { extensions?: { code?: unknown } }
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

export function useErrorMessage() {
  const { t } = useI18n()
  return (error: unknown) => t(`errors.${errorCodeOf(error)}`)
}
