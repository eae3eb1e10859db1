import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import { GraphQLError, createSourceEventStream, execute, subscribe, type DocumentNode, type ExecutionResult, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Armor } from '../graphql/armor.js';
import { resolveViewer, type Context, type Viewer } from '../graphql/context.js';
import { formatError, logRefusal, logRefusals, unauthenticated } from '../graphql/errors.js';
import { introspectionRefusal, mayExploreSchema, withoutSuggestions } from '../graphql/introspection.js';
import { Loaders } from '../graphql/loaders.js';
import { logger } from '../logger.js';
import type { Services } from '../services.js';
import { FanOut } from './fan-out.js';
import { sameForEveryCaller } from './same-for-every-caller.js';

/** How often open sockets are checked for sessions that expired or ended on another process without an event. */
const SESSION_CHECK_MS = 15_000;
const SESSION_CHECK_SLICE = 500;

/** Compiled operations by their text: thousands of sockets run the PWA's few operations, on every event. */
const COMPILED_KEPT = 200;

/** Beside graphql-ws' own `socket` and `request`: the credentials the socket connected with. */
type SocketExtra = { credentials?: IncomingHttpHeaders };

/**
 * What decides a subscription's result for an event value besides the operation and its
 * variables: the caller (address, session or token, sign-in step, the user's row as the
 * socket last read it); for an operation whose result depends on the value alone, only
 * what `@Authorized` reads of the caller (auth.ts). Null when the user cannot be written
 * out (then nothing is shared).
 */
function callerKey(viewer: Viewer, ip: string, byValueOnly: boolean): string | null {
  if (byValueOnly) return JSON.stringify(['any caller', viewer.step, viewer.user.role]);
  try {
    return JSON.stringify([ip, viewer.session ? 'session' : 'token', viewer.step, viewer.user]);
  } catch {
    return null;
  }
}

/**
 * A socket's credentials: the handshake's cookie or Authorization header, or an
 * `authorization` connection parameter (browsers cannot set headers on a WebSocket).
 */
function credentials(request: IncomingMessage, params: Record<string, unknown> | undefined): IncomingHttpHeaders {
  const authorization = params?.authorization ?? params?.Authorization;
  return typeof authorization === 'string' ? { ...request.headers, authorization } : request.headers;
}

const peer = (request: IncomingMessage) => request.socket.remoteAddress ?? '';

/** A page on another site may not open a socket with the visitor's cookie. */
function fromOtherSite(request: IncomingMessage, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    const host = new URL(origin).host;
    return host !== request.headers.host && host !== new URL(publicUrl).host;
  } catch {
    return true;
  }
}

/**
 * GraphQL over graphql-ws on /graphql. A socket is authenticated when it
 * connects (anonymous ones are refused with 4403), its session is checked again
 * at every operation, and it closes with 4401 when its session ends. Operations
 * pass the same limits as over HTTP and errors are formatted the same way.
 */
export function serveGraphqlSocket(httpServer: Server, schema: GraphQLSchema, services: Services, armor: Armor) {
  const open = new Map<WebSocket, { viewer: Viewer; credentials: IncomingHttpHeaders }>();
  const end = (socket: WebSocket) => {
    open.delete(socket);
    socket.close(CloseCode.Unauthorized, 'Session ended');
  };

  const stopListening = services.realtime.listen('sessionsEnded', (ended) => {
    for (const [socket, { viewer: { user, session } }] of open) {
      if (!session) continue;
      if (ended.sessionIds?.includes(session.id) || (ended.userId === user.id && session.id !== ended.exceptSessionId)) end(socket);
    }
  });
  const checkSessions = async () => {
    const sockets = [...open];
    const ids = [...new Set(sockets.flatMap(([, { viewer }]) => (viewer.session ? [viewer.session.id] : [])))];
    const live = new Set<string>();
    // In slices: thousands of sessions in one look-up would hold the event loop (and every delivery) for 100 ms and more.
    for (let i = 0; i < ids.length; i += SESSION_CHECK_SLICE) for (const id of await services.auth.liveSessionIds(ids.slice(i, i + SESSION_CHECK_SLICE))) live.add(id);
    for (const [socket, { viewer, credentials }] of sockets) {
      // An API token has no session: asking again is how a revoked one is noticed.
      const ended = viewer.session ? !live.has(viewer.session.id) : !(await resolveViewer(services, credentials));
      if (ended && open.has(socket)) end(socket);
    }
  };
  const timer = setInterval(() => void checkSessions().catch((err) => logger.error({ err }, 'could not check the sessions of open sockets')), SESSION_CHECK_MS).unref();

  // As over HTTP: one formatting, no HTTP status, and the schema's spelling hints only for those who may explore it.
  const format = (viewer: Viewer | null | undefined, ip: string, errors: readonly GraphQLError[]) => {
    const formatted = errors.map((e) => {
      const { http: _status, ...extensions } = e.extensions;
      return formatError({ ...e.toJSON(), extensions }, e);
    });
    logRefusals(formatted, { userId: viewer?.user.id ?? null, ip });
    return viewer && mayExploreSchema(viewer) ? formatted : withoutSuggestions(formatted);
  };

  // graphql-jit runs an operation several times faster than graphql-js; a broadcast to many users runs one per
  // user and event. Compiled once per operation text; a document maps to its compilation.
  const compiled = new Map<string, CompiledQuery>();
  const compiledFor = new WeakMap<DocumentNode, CompiledQuery>();
  /** A number per compilation, for share keys, and whether its result depends on the event value alone. */
  const compilations = new WeakMap<CompiledQuery, { number: number; byValueOnly: boolean }>();
  let compiledCount = 0;
  const compile = (source: string, operationName: string | null | undefined, document: DocumentNode): CompiledQuery | null => {
    const key = `${operationName ?? ''}\n${source}`;
    let found = compiled.get(key);
    if (!found) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return null;
      if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, (found = result));
      compilations.set(found, { number: ++compiledCount, byValueOnly: sameForEveryCaller(schema, document, operationName) });
    }
    compiledFor.set(document, found);
    return found;
  };
  // Subscription results go straight from the event to the socket (fan-out.ts); onSubscribe says where.
  const fanOut = new FanOut();
  const destinations = new WeakMap<ExecutionArgs, { socket: WebSocket; id: string; ip: string }>();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        if (fromOtherSite(ctx.extra.request, services.config.publicUrl)) {
          logRefusal('FORBIDDEN', ['connection'], { userId: null, ip: peer(ctx.extra.request) });
          return false;
        }
        const headers = credentials(ctx.extra.request, ctx.connectionParams);
        const viewer = await resolveViewer(services, headers);
        if (!viewer || viewer.step !== 'DONE') {
          logRefusal('UNAUTHENTICATED', ['connection'], { userId: viewer?.user.id ?? null, ip: peer(ctx.extra.request) });
          return false;
        }
        ctx.extra.credentials = headers;
        open.set(ctx.extra.socket, { viewer, credentials: headers });
        return true;
      },
      onClose: (ctx) => void open.delete(ctx.extra.socket),
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const headers = ctx.extra.credentials!;
        const viewer = await resolveViewer(services, headers);
        if (!viewer || viewer.step !== 'DONE' || !open.has(ctx.extra.socket)) {
          end(ctx.extra.socket);
          return [unauthenticated()];
        }
        open.set(ctx.extra.socket, { viewer, credentials: headers });
        let document;
        try {
          document = armor.parse(payload.query);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const invalid = armor.validate(schema, document);
        if (invalid.length) return invalid;
        const refusal = introspectionRefusal(services.config.production, viewer, document);
        if (refusal) return [refusal];
        compile(payload.query, payload.operationName, document);
        const ip = peer(ctx.extra.request);
        const contextValue: Context = { viewer, services, ip, headers, loaders: new Loaders() };
        const args: ExecutionArgs = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
        destinations.set(args, { socket: ctx.extra.socket, id, ip });
        return args;
      },
      // Operations that did not compile (none of the PWA's) run as graphql-js would.
      execute: (args) => compiledFor.get(args.document)?.query(args.rootValue, args.contextValue, args.variableValues) ?? execute(args),
      // Set up as graphql-js does (its checks and errors at subscribe time); each event then runs compiled, and its
      // result goes out through the fan-out (shared by the subscriptions of one caller) or, for another source, as graphql-ws sends it.
      subscribe: async (args) => {
        const jit = compiledFor.get(args.document);
        if (!jit) return subscribe(args);
        const events = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in events)) return events;
        const context = args.contextValue as Context;
        // Fresh loaders per event: what one event loaded must not stand in for the next.
        const execute = (event: unknown) => jit.query(event, { ...context, loaders: new Loaders() }, args.variableValues);
        const to = destinations.get(args);
        const compilation = compilations.get(jit)!;
        const caller = to && context.viewer && callerKey(context.viewer, to.ip, compilation.byValueOnly);
        const pushed =
          to &&
          fanOut.subscribe(events, {
            id: to.id,
            shareKey: caller ? `${compilation.number}\n${JSON.stringify(args.variableValues ?? null)}\n${caller}` : null,
            execute,
            formatErrors: (errors) => format(open.get(to.socket)?.viewer, to.ip, errors),
            send: (message) => {
              if (to.socket.readyState === to.socket.OPEN) to.socket.send(message);
            },
          });
        return pushed || mapEvents(events, execute);
      },
      onNext: (ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(open.get(ctx.extra.socket)?.viewer, peer(ctx.extra.request), result.errors) } : undefined),
      onError: (ctx, _id, _payload, errors) => format(open.get(ctx.extra.socket)?.viewer, peer(ctx.extra.request), errors),
    },
    wsServer,
  );

  return {
    /** Closes every socket (their subscriptions complete) and stops listening. */
    async dispose() {
      clearInterval(timer);
      stopListening();
      await server.dispose();
    },
  };
}

/** Like graphql-js' own mapping of events to results: `return` reaches the source at once, even while it waits. */
function mapEvents(source: AsyncIterable<unknown>, run: (event: unknown) => ExecutionResult | Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const map = async (next: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => (next.done ? { done: true, value: undefined } : { done: false, value: await run(next.value) });
  return {
    next: () => events.next().then(map),
    return: () => (events.return ? events.return().then(map) : Promise.resolve({ done: true, value: undefined })),
    throw: (error?: unknown) => (events.throw ? events.throw(error).then(map) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
