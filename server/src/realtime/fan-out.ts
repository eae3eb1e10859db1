import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { logger } from '../logger.js';
import { pushValues } from './realtime.js';

/** One subscription of one socket, as the fan-out sees it. */
export interface Receiver {
  /** graphql-ws' id of the subscription on its socket. */
  id: string;
  /**
   * Subscriptions with the same key get the same result for the same event value
   * (same operation, variables, caller and caller's state): they share one execution.
   * Null: never shared.
   */
  shareKey: string | null;
  /** Runs the operation for one event value, with this subscription's context. */
  execute: (value: unknown) => ExecutionResult | PromiseLike<ExecutionResult>;
  /** The errors as this socket sends them (and logs them): called once per socket, shared result or not. */
  formatErrors: (errors: readonly GraphQLError[]) => readonly GraphQLFormattedError[];
  /** Sends one text message, if the socket is still open. */
  send: (message: string) => void;
}

interface Subscriber {
  receiver: Receiver;
  idJson: string;
  /** Executions of the values pushed so far and not yet sent, in event order. */
  queue: Execution[];
  stopped: boolean;
  fail: (err: unknown) => void;
}

/** One execution of an operation for one event value, and its serialized payload. */
class Execution {
  settled = false;
  failed = false;
  failure: unknown;
  result?: ExecutionResult;
  /** `JSON.stringify(result)` when it has no errors: the same for every subscriber. */
  payload?: string;
  /** Subscribers waiting for this execution to settle. */
  readonly waiting: Subscriber[] = [];
  private lastId?: string;
  private lastMessage?: string;

  constructor(private run?: () => ExecutionResult | PromiseLike<ExecutionResult>) {}

  start() {
    const run = this.run!;
    this.run = undefined;
    try {
      const result = run();
      if (isPromiseLike(result)) result.then((r) => this.done(r), (err: unknown) => this.fail(err));
      else this.done(result);
    } catch (err) {
      this.fail(err);
    }
  }

  /** The `next` message for a subscription id, built once for a run of subscribers with the same id. */
  message(idJson: string): string {
    if (idJson !== this.lastId) {
      this.lastId = idJson;
      // What graphql-ws' stringifyMessage makes of { id, type: 'next', payload: result without `errors` }.
      this.lastMessage = `{"id":${idJson},"type":"next","payload":${this.payload}}`;
    }
    return this.lastMessage!;
  }

  private done(result: ExecutionResult) {
    // Only the text is kept when it is all subscribers need: thousands of results of one event stay small.
    if (result.errors) this.result = result;
    else this.payload = JSON.stringify(result);
    this.settle();
  }

  private fail(err: unknown) {
    this.failed = true;
    this.failure = err;
    this.settle();
  }

  private settle() {
    this.settled = true;
    for (const subscriber of this.waiting.splice(0)) flush(subscriber);
  }
}

const isPromiseLike = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> => typeof (value as PromiseLike<T>)?.then === 'function';

/** Sends, in order, what has settled at the head of the subscriber's queue. */
function flush(subscriber: Subscriber) {
  const { queue } = subscriber;
  while (queue.length && queue[0]!.settled) {
    const execution = queue.shift()!;
    if (subscriber.stopped) continue;
    try {
      if (execution.failed) subscriber.fail(execution.failure);
      else if (execution.payload !== undefined) subscriber.receiver.send(execution.message(subscriber.idJson));
      else {
        const { receiver } = subscriber;
        receiver.send(stringifyMessage({ id: receiver.id, type: MessageType.Next, payload: { ...execution.result!, errors: receiver.formatErrors(execution.result!.errors!) } }));
      }
    } catch (err) {
      logger.error({ err }, 'could not send a subscription result');
      subscriber.fail(err);
    }
  }
}

const DONE: IteratorResult<never> = { done: true, value: undefined };
const EXECUTIONS_PER_TURN = 200;

/**
 * Subscription results sent straight to their sockets as the source stream pushes
 * its events, instead of each result going through graphql-ws' `for await` and
 * `next` (several promises and a send callback per socket per event). What a client
 * receives is the same: the same `next` messages, in event order, errors formatted
 * and logged per socket. Subscriptions whose results for an event must be identical
 * (same `shareKey`, same event value) share one execution and one serialized payload.
 */
export class FanOut {
  /** Executions by event value (of that event only), then by share key; gone with the value. */
  private readonly shared = new WeakMap<object, { event: object; byKey: Map<string, Execution> }>();
  /** Executions not started yet: they start EXECUTIONS_PER_TURN at a time, one turn of the event loop each. */
  private readonly toStart: Execution[] = [];
  private startScheduled = false;

  /**
   * Takes over a stream made by `Realtime.stream`; returns what graphql-ws iterates
   * instead: it yields nothing, ends when graphql-ws returns it (the client completes
   * or the socket closes), and fails (graphql-ws then sends an `error`) when an execution throws.
   * Null, and the source untouched, for any other source.
   */
  subscribe(source: AsyncIterable<unknown>, receiver: Receiver): AsyncIterableIterator<never> | null {
    let end!: (result: IteratorResult<never>) => void;
    let reject!: (err: unknown) => void;
    const ended = new Promise<IteratorResult<never>>((resolve, fail) => ((end = resolve), (reject = fail)));
    ended.catch(() => {});
    const stop = () => {
      if (subscriber.stopped) return;
      subscriber.stopped = true;
      subscriber.queue.length = 0;
      void source[Symbol.asyncIterator]().return?.();
    };
    const subscriber: Subscriber = {
      receiver,
      idJson: JSON.stringify(receiver.id),
      queue: [],
      stopped: false,
      fail: (err) => (stop(), reject(err)),
    };
    if (!pushValues(source, (value, event) => this.push(subscriber, value, event))) return null;
    const finish = () => (stop(), end(DONE), Promise.resolve(DONE));
    return {
      next: () => ended,
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Shared only within one event: a value object seen again in a later event is executed again. */
  private push(subscriber: Subscriber, value: unknown, event: object) {
    if (subscriber.stopped) return;
    const { receiver } = subscriber;
    const shareable = receiver.shareKey !== null && typeof value === 'object' && value !== null;
    let ofValue = shareable ? this.shared.get(value) : undefined;
    if (ofValue && ofValue.event !== event) ofValue = undefined;
    let execution = ofValue?.byKey.get(receiver.shareKey!);
    if (!execution) {
      execution = new Execution(() => receiver.execute(value));
      this.toStart.push(execution);
      if (!this.startScheduled) (this.startScheduled = true), setImmediate(this.startSome);
      if (shareable) {
        if (!ofValue) this.shared.set(value, (ofValue = { event, byKey: new Map() }));
        ofValue.byKey.set(receiver.shareKey!, execution);
      }
    }
    subscriber.queue.push(execution);
    if (execution.settled) flush(subscriber);
    else execution.waiting.push(subscriber);
  }

  /**
   * Thousands of executions started at once would all be half-way at the same time
   * (each waits for its resolvers' promises), and the garbage collector copies all of
   * that; a few hundred per turn settle, and send, before the next start.
   */
  private readonly startSome = () => {
    for (const execution of this.toStart.splice(0, EXECUTIONS_PER_TURN)) execution.start();
    if (this.toStart.length) setImmediate(this.startSome);
    else this.startScheduled = false;
  };
}
