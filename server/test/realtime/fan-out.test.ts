import { GraphQLError, type ExecutionResult } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import { FanOut, type Receiver } from '../../src/realtime/fan-out.js';
import { Realtime, type Events } from '../../src/realtime/realtime.js';

/**
 * The socket's fan-out on its own: a real Realtime (in-process), subscribers
 * that record what they would send. Shared executions, order, errors, ending.
 */
const realtime = new Realtime({ redisPrefix: 'fan-out-test:' });
afterEach(() => realtime.close());

const change = (userIds: string[]): Events['counts'] => ({ dossierId: null, userIds });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Recorder {
  sent: string[];
  iterator: AsyncIterableIterator<never>;
}

/**
 * A subscriber of user `user`: the stream maps an event to one value per user and event (as
 * perEvent does), and `execute` runs the "operation" on it, counted in `runs`.
 */
function subscriber(fanOut: FanOut, values: (event: Events['counts'], user: string) => object | null, receiver: Partial<Receiver> & { user: string }, runs: string[]): Recorder {
  const sent: string[] = [];
  const stream = realtime.stream('counts', async (event) => values(event, receiver.user));
  const iterator = fanOut.subscribe(stream, {
    id: '1',
    shareKey: receiver.user,
    execute: (value) => {
      runs.push(receiver.user);
      return Promise.resolve({ data: { counts: value } } as ExecutionResult);
    },
    formatErrors: (errors) => errors.map((e) => ({ message: `formatted: ${e.message}` })),
    send: (message) => sent.push(message),
    ...receiver,
  })!;
  expect(iterator).not.toBeNull();
  return { sent, iterator };
}

/** One value object per user per event, as perEvent hands out. */
function perUser() {
  const made = new WeakMap<object, Map<string, object>>();
  return (event: Events['counts'], user: string) => {
    if (!event.userIds!.includes(user)) return null;
    let forEvent = made.get(event);
    if (!forEvent) made.set(event, (forEvent = new Map()));
    if (!forEvent.has(user)) forEvent.set(user, { user, unread: event.userIds!.length });
    return forEvent.get(user)!;
  };
}

describe('the fan-out of subscription results', () => {
  it('runs one execution per user and event, sends its text to every socket of that user, and each user their own', async () => {
    const fanOut = new FanOut();
    const runs: string[] = [];
    const values = perUser();
    const anna = Array.from({ length: 3 }, () => subscriber(fanOut, values, { user: 'anna' }, runs));
    const bram = Array.from({ length: 2 }, () => subscriber(fanOut, values, { user: 'bram' }, runs));
    const other = subscriber(fanOut, values, { user: 'anna', id: 'other-id' }, runs);
    realtime.publish('counts', change(['anna', 'bram']));
    await expect.poll(() => [...anna, ...bram, other].every((s) => s.sent.length === 1)).toBe(true);

    expect(runs.sort()).toEqual(['anna', 'bram']);
    const annaText = stringifyMessage({ id: '1', type: MessageType.Next, payload: { data: { counts: { user: 'anna', unread: 2 } } } });
    for (const s of anna) expect(s.sent).toEqual([annaText]);
    for (const s of bram) expect(s.sent).toEqual([stringifyMessage({ id: '1', type: MessageType.Next, payload: { data: { counts: { user: 'bram', unread: 2 } } } })]);
    // Its own subscription id, the same payload.
    expect(other.sent).toEqual([stringifyMessage({ id: 'other-id', type: MessageType.Next, payload: { data: { counts: { user: 'anna', unread: 2 } } } })]);

    // The next event is executed again, for whom it concerns.
    realtime.publish('counts', change(['bram']));
    await expect.poll(() => bram.every((s) => s.sent.length === 2)).toBe(true);
    expect(runs.sort()).toEqual(['anna', 'bram', 'bram']);
    await sleep(50);
    expect(anna.every((s) => s.sent.length === 1)).toBe(true);
  });

  it('shares nothing without a key, and nothing between events even for the same value object', async () => {
    const fanOut = new FanOut();
    const runs: string[] = [];
    const same = { user: 'anna', unread: 1 };
    const a = subscriber(fanOut, () => same, { user: 'anna', shareKey: null }, runs);
    const b = subscriber(fanOut, () => same, { user: 'anna', shareKey: null }, runs);
    const c = subscriber(fanOut, () => same, { user: 'anna' }, runs);
    realtime.publish('counts', change(['anna']));
    await expect.poll(() => c.sent.length).toBe(1);
    realtime.publish('counts', change(['anna']));
    await expect.poll(() => [a, b, c].every((s) => s.sent.length === 2)).toBe(true);
    expect(runs).toHaveLength(6);
  });

  it('sends in event order, though a later execution finishes first', async () => {
    const fanOut = new FanOut();
    const release: (() => void)[] = [];
    const sent: string[] = [];
    const stream = realtime.stream('counts', async (event) => ({ n: event.userIds!.length }));
    fanOut.subscribe(stream, {
      id: '1',
      shareKey: null,
      execute: (value) => {
        const n = (value as { n: number }).n;
        // The first event's execution waits until released; the second's is synchronous.
        if (n === 1) return new Promise((resolve) => release.push(() => resolve({ data: { n } })));
        return { data: { n } };
      },
      formatErrors: () => [],
      send: (message) => sent.push(message),
    });
    realtime.publish('counts', change(['a']));
    realtime.publish('counts', change(['a', 'b']));
    await expect.poll(() => release.length).toBe(1);
    await sleep(20);
    expect(sent).toEqual([]);
    release[0]!();
    await expect.poll(() => sent.length).toBe(2);
    expect(sent.map((m) => JSON.parse(m).payload.data.n)).toEqual([1, 2]);
  });

  it('formats and logs errors for each socket, though the execution was shared', async () => {
    const fanOut = new FanOut();
    const formattedFor: string[] = [];
    let runs = 0;
    const result: ExecutionResult = { errors: [new GraphQLError('Not for you', { extensions: { code: 'FORBIDDEN' } })], data: { counts: null } };
    const value = { shared: true };
    const sent = [0, 1].map((i) => {
      const out: string[] = [];
      fanOut.subscribe(
        realtime.stream('counts', async () => value),
        {
          id: `op-${i}`,
          shareKey: 'anna',
          execute: () => (runs++, result),
          formatErrors: (errors) => (formattedFor.push(`op-${i}`), errors.map((e) => ({ message: e.message, extensions: { code: 'FORBIDDEN', socket: i } }))),
          send: (message) => out.push(message),
        },
      );
      return out;
    });
    // The same value object for both (as perEvent gives one user), so the execution is shared.
    realtime.publish('counts', change(['anna']));
    await expect.poll(() => sent.every((s) => s.length === 1)).toBe(true);
    expect(runs).toBe(1);
    expect(formattedFor.sort()).toEqual(['op-0', 'op-1']);
    for (const i of [0, 1]) {
      // What graphql-ws sends for onNext's { ...result, errors: formatted }.
      expect(sent[i]).toEqual([stringifyMessage({ id: `op-${i}`, type: MessageType.Next, payload: { ...result, errors: [{ message: 'Not for you', extensions: { code: 'FORBIDDEN', socket: i } }] } })]);
    }
  });

  it('fails the iteration (graphql-ws then sends an error) and stops listening when an execution throws', async () => {
    const fanOut = new FanOut();
    let runs = 0;
    const sent: string[] = [];
    const iterator = fanOut.subscribe(realtime.stream('counts', async () => ({})), {
      id: '1',
      shareKey: null,
      execute: () => {
        runs++;
        throw new Error('broken resolver');
      },
      formatErrors: () => [],
      send: (message) => sent.push(message),
    })!;
    const next = iterator.next();
    realtime.publish('counts', change(['a']));
    await expect(next).rejects.toThrow('broken resolver');
    realtime.publish('counts', change(['a']));
    await sleep(50);
    expect(runs).toBe(1);
    expect(sent).toEqual([]);
  });

  it('ends when graphql-ws returns it (the client completes or the socket closes), and sends nothing after', async () => {
    const fanOut = new FanOut();
    const runs: string[] = [];
    const s = subscriber(fanOut, perUser(), { user: 'anna' }, runs);
    const next = s.iterator.next();
    realtime.publish('counts', change(['anna']));
    await expect.poll(() => s.sent.length).toBe(1);
    await s.iterator.return!();
    await expect(next).resolves.toEqual({ done: true, value: undefined });
    realtime.publish('counts', change(['anna']));
    await sleep(50);
    expect(s.sent).toHaveLength(1);
    expect(runs).toHaveLength(1);
  });

  it('leaves any other iterable to graphql-ws', async () => {
    async function* other() {
      yield 1;
    }
    expect(new FanOut().subscribe(other(), { id: '1', shareKey: null, execute: () => ({}), formatErrors: () => [], send: () => {} })).toBeNull();
  });
});
