import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { logger } from '../logger.js';

/** The codes of the contract; every error a client sees carries one of these (or a GraphQL-spec code). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AppErrorDetails {
  field?: string;
  retryAfterSeconds?: number;
  /** A machine-readable reason beside the code, e.g. the password rule that failed. */
  reason?: string;
}

/** The one error class services throw; `formatError` turns it into `extensions`. */
export class AppError extends GraphQLError {
  constructor(readonly code: ErrorCode, message: string, readonly details: AppErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (field: string, message: string, reason?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { field, ...(reason ? { reason } : {}) });
export const notFound = (what = 'Record') => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue');
export const forbidden = () => new AppError(ErrorCode.FORBIDDEN, 'You may not do this');

/** Codes that graphql-js, Apollo or type-graphql produce and that are safe to show as they are. */
const passThrough = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode),
]);

/** type-graphql's own authorization errors, renamed to the contract's codes. */
const renamed: Record<string, ErrorCode> = { UNAUTHORIZED: ErrorCode.FORBIDDEN };

/** Refusals that may be someone probing (ids, operations, codes): each gets a log line. */
const refusals = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.RATE_LIMITED]);

/** Who was refused: the signed-in user, if any, and the address. */
export interface Caller {
  userId: string | null;
  ip: string;
}

export function logRefusal(code: string, path: readonly (string | number)[] | undefined, caller: Caller | undefined): void {
  logger.warn({ code, path, userId: caller?.userId ?? null, ip: caller?.ip }, 'refused');
}

/** Logs each refusal among errors as they will be shown (after formatError). */
export function logRefusals(errors: readonly GraphQLFormattedError[], caller: Caller | undefined): void {
  for (const e of errors) {
    const code = String(e.extensions?.code ?? '');
    if (refusals.has(code)) logRefusal(code, e.path, caller);
  }
}

export const callerOf = (ctx: { viewer?: { user: { id: string } } | null; ip: string }): Caller => ({ userId: ctx.viewer?.user.id ?? null, ip: ctx.ip });

/** Logs the refusals of every HTTP request with who asked; the socket logs its own (realtime/socket.ts). */
export const refusalLogPlugin: ApolloServerPlugin<{ viewer?: { user: { id: string } } | null; ip: string }> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors) logRefusals(response.body.singleResult.errors, callerOf(contextValue));
      },
    };
  },
};

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...original.details } };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: original, path: formatted.path }, 'the database cannot be reached');
    return { ...databaseUnavailable, path: formatted.path };
  }
  if (isPayloadTooLarge(original)) {
    return { message: 'The upload is too large', path: formatted.path, extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (renamed[code]) return { ...formatted, extensions: { code: renamed[code] } };
  if (passThrough.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Network and driver codes of a database that is down, restarting or out of connections. */
const DATABASE_UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_CON_COUNT_ERROR',
]);
export const RETRY_AFTER_SECONDS = 5;
export const databaseUnavailable = {
  message: 'The service is temporarily unavailable; try again shortly',
  extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
};

/** A lost or refused database connection, however wrapped (GraphQL originalError, TypeORM driverError, cause). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, any> | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.originalError ?? e.driverError ?? e.cause, depth++) {
    // mysql2 marks every error that broke the connection itself as fatal.
    if (DATABASE_UNAVAILABLE.has(e.code) || e.fatal === true) return true;
  }
  return false;
}

/** graphql-upload rejects a stream over `maxFileSize` with an http-errors 413. */
export function isPayloadTooLarge(error: unknown): boolean {
  const e = error as { status?: number; statusCode?: number; expose?: boolean } | null;
  return !!e && (e.status === 413 || e.statusCode === 413);
}
