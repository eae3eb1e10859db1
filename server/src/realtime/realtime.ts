import { EventEmitter } from 'node:events';
import DataLoader from 'dataloader';
import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';
import { logger } from '../logger.js';

/** What changed, never what it says: subscribers read the content themselves, scoped to their viewer. */
export interface Events {
  /** Unread or action counts changed: for `userIds` when given, otherwise for everyone who can see `dossierId`. */
  counts: { dossierId: string | null; userIds: string[] | null };
  message: { messageId: string; dossierId: string };
  /** Sessions ended (sign-out, revocation): their sockets close on every server process. */
  sessionsEnded: { sessionIds?: string[]; userId?: string; exceptSessionId?: string };
}
export type Topic = keyof Events;

/**
 * Work shared by the subscribers of one event: `batch` runs once for all the keys
 * asked in the same tick (every listener hears an event in the same tick), and a
 * key asked again in that event gets the same promise (no new one per subscriber).
 * Events are told apart by identity: every listener receives the same object.
 */
export function perEvent<E extends object, K, R>(batch: (event: E, keys: readonly K[]) => Promise<readonly R[]>, cacheKey: (key: K) => string): (event: E, key: K) => Promise<R> {
  const made = new WeakMap<E, { loader: DataLoader<K, R>; answers: Map<string, Promise<R>> }>();
  return (event, key) => {
    let forEvent = made.get(event);
    if (!forEvent) made.set(event, (forEvent = { loader: new DataLoader<K, R>((keys) => batch(event, keys), { cache: false }), answers: new Map() }));
    const k = cacheKey(key);
    let answer = forEvent.answers.get(k);
    if (!answer) forEvent.answers.set(k, (answer = forEvent.loader.load(key)));
    return answer;
  };
}

/** Streams made by Realtime.stream, with the switch that has them push their values instead. */
const pushers = new WeakMap<object, (consumer: (value: unknown, event: object) => void) => void>();

/**
 * Has a stream made by `Realtime.stream` hand each value to `consumer`, with the event
 * it was mapped from, as soon as it is mapped (in order, as `next` would have) instead
 * of queueing it for `next`, which must not be called any more; `return` still ends it.
 * False, and nothing changed, for any other iterable. The socket's fan-out uses it:
 * no promise per subscriber per value.
 */
export function pushValues<R>(stream: AsyncIterable<R>, consumer: (value: R, event: object) => void): boolean {
  const push = pushers.get(stream);
  push?.(consumer as (value: unknown, event: object) => void);
  return !!push;
}

export interface RealtimeOptions {
  redisUrl?: string;
  /** Namespaces the Redis channels, so several portals (or test runs) can share one Redis. */
  redisPrefix: string;
}

/**
 * Typed topics published in-process or, with REDIS_URL, through Redis so that
 * every server process of one portal hears every event (its own included).
 */
export class Realtime {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly options: RealtimeOptions) {}

  /** Connects to Redis when configured; an unreachable Redis stops the start like a bad variable. */
  async start(): Promise<void> {
    const { redisUrl, redisPrefix } = this.options;
    if (!redisUrl) return;
    const connect = async () => {
      const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (attempt) => Math.min(attempt * 200, 5_000) });
      let refusal: Error | undefined;
      const remember = (err: Error) => (refusal = err);
      client.on('error', remember);
      try {
        await client.connect();
      } catch (err) {
        client.disconnect();
        throw new ConfigError('REDIS_URL', `cannot connect to Redis (${(refusal ?? (err as Error)).message})`);
      }
      client.off('error', remember);
      client.on('error', (err) => logger.warn({ err: err.message }, 'Redis connection problem; retrying'));
      return client;
    };
    this.publisher = await connect();
    this.subscriber = await connect();
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (!channel.startsWith(redisPrefix)) return;
      try {
        this.local.emit(channel.slice(redisPrefix.length), JSON.parse(raw));
      } catch (err) {
        logger.error({ err, channel }, 'unreadable realtime event');
      }
    });
    await this.subscriber.subscribe(...(['counts', 'message', 'sessionsEnded'] satisfies Topic[]).map((t) => redisPrefix + t));
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
    await Promise.all([this.publisher, this.subscriber].map((c) => c?.quit().catch(() => c.disconnect())));
  }

  /** Fire and forget: a lost event costs a stale badge, never the write that caused it. */
  publish<T extends Topic>(topic: T, event: Events[T]): void {
    if (!this.publisher) {
      this.local.emit(topic, event);
      return;
    }
    this.publisher.publish(this.options.redisPrefix + topic, JSON.stringify(event)).catch((err) => logger.error({ err, topic }, 'could not publish a realtime event'));
  }

  /** Calls `listener` for each event of the topic; returns the function that stops listening. */
  listen<T extends Topic>(topic: T, listener: (event: Events[T]) => void): () => void {
    this.local.on(topic, listener);
    return () => void this.local.off(topic, listener);
  }

  /**
   * The topic's events mapped one at a time, in order, to what a subscriber is
   * sent; `map` returns null to skip an event (not for this viewer). Listens from
   * the call on, so nothing published after the subscription started is missed.
   * Pulled through `next`, or pushed once `pushValues` switched it.
   */
  stream<T extends Topic, R>(topic: T, map: (event: Events[T]) => Promise<R | null>): AsyncIterableIterator<R> {
    const ready: { value: R; event: Events[T] }[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    let consumer: ((value: R, event: Events[T]) => void) | undefined;
    // One event mapped at a time: the next waits for `last`, unless none is in flight (one promise per event then).
    let last: Promise<void> | undefined;
    let inFlight = 0;
    const deliver = async (event: Events[T]) => {
      try {
        const value = await map(event);
        if (value === null || done) return;
        if (consumer) return consumer(value, event);
        ready.push({ value, event });
        wake?.();
      } catch (err) {
        logger.error({ err, topic }, 'could not deliver a realtime event');
      } finally {
        inFlight--;
      }
    };
    const stopListening = this.listen(topic, (event) => {
      last = inFlight++ ? last!.then(() => deliver(event)) : deliver(event);
    });
    const finished = (): IteratorResult<R> => ({ done: true, value: undefined });
    const iterator: AsyncIterableIterator<R> = {
      async next() {
        while (!ready.length && !done) await new Promise<void>((resolve) => (wake = resolve));
        return done ? finished() : { done: false, value: ready.shift()!.value };
      },
      async return() {
        done = true;
        stopListening();
        wake?.();
        return finished();
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    pushers.set(iterator, (push: (value: R, event: Events[T]) => void) => {
      consumer = push;
      for (const { value, event } of ready.splice(0)) push(value, event);
    });
    return iterator;
  }

  // --- what the features publish ---------------------------------------

  /**
   * Counts changed in a dossier (everyone who can see it hears), or for some
   * users only (`userIds`), e.g. a questionnaire sent to or completed by them:
   * `services.realtime.countsChanged({ userIds: [clientId] })`.
   */
  countsChanged(change: { dossierId: string; userIds?: string[] } | { dossierId?: string | null; userIds: string[] }): void {
    this.publish('counts', { dossierId: change.dossierId ?? null, userIds: change.userIds ?? null });
  }

  messageAdded(message: { id: string; dossierId: string }): void {
    this.publish('message', { messageId: message.id, dossierId: message.dossierId });
    this.countsChanged({ dossierId: message.dossierId });
  }

  sessionsEnded(ended: Events['sessionsEnded']): void {
    this.publish('sessionsEnded', ended);
  }
}
