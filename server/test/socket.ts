import { createClient, type Client as WsClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;

export interface Socket {
  client: WsClient;
  /** Resolves when the server acknowledged the connection. */
  connected: Promise<void>;
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  /** Runs one query or mutation over the socket. */
  execute<T = any>(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>>;
  /** Starts a subscription; `results` fills as events arrive. */
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Subscription<T>;
}

export interface Subscription<T> {
  results: ExecutionResult<T>[];
  completed: () => boolean;
  stop(): void;
}

/** A graphql-ws client as a browser (cookie, Origin) or an integrator (connection parameters) would open it. */
export function openSocket(baseUrl: string, options: { cookie?: string; origin?: string; connectionParams?: Record<string, unknown> } = {}): Socket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  let onConnected!: () => void;
  let onClosed!: (event: { code: number; reason: string }) => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: options.connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    connected,
    closed,
    execute: (query, variables) =>
      new Promise((resolve, reject) => {
        let result: ExecutionResult<any> | undefined;
        // Errors before execution (parse, validation) come as an `error` message: an array of GraphQL errors.
        const error = (err: unknown) => (Array.isArray(err) ? resolve({ errors: err }) : reject(err));
        client.subscribe({ query, variables }, { next: (r) => (result = r), error, complete: () => resolve(result!) });
      }),
    subscribe<T>(query: string, variables?: Record<string, unknown>) {
      const results: ExecutionResult<T>[] = [];
      let done = false;
      const stop = client.subscribe<T>(
        { query, variables },
        {
          next: (r) => results.push(r),
          error: (err) => results.push({ errors: Array.isArray(err) ? err : [{ message: String((err as { reason?: string }).reason ?? err) }] } as ExecutionResult<T>),
          complete: () => (done = true),
        },
      );
      return { results, completed: () => done, stop };
    },
  };
}

/** The server starts listening a moment after the subscribe message; the protocol has no acknowledgement for it. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
