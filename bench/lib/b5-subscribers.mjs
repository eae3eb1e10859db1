// B5: N graphql-ws subscribers of unreadCountsChanged receive the event of one new message,
// against a raw `ws` broadcast of the same JSON to as many sockets. Twice: N sockets of the bench
// client (figure B5), and one socket each for N distinct clients of the dossier (B5 distinct users).
import WebSocket from 'ws';
import { percentile } from './load.mjs';
import { startRaw } from './proc.mjs';
import { ids, insertDistinctClients, insertSessions } from './seed.mjs';
import { gql } from './session.mjs';

const SUBSCRIPTION = 'subscription { unreadCountsChanged { dossierId openActions unreadTotal counts { messages { total unread } } } }';

/** Opens `count` sockets, `parallel` at a time; `onOpen(ws)` does the protocol's opening and resolves when ready. */
async function openAll(count, parallel, open) {
  const sockets = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        sockets[i] = await open(i);
      }
    }),
  );
  return sockets;
}

function graphqlWsSubscriber(url, cookie, onEvent) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws', { headers: { cookie } });
    const timer = setTimeout(() => reject(new Error('subscriber did not start')), 60_000);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
        // graphql-ws sends nothing on a started subscription: give the server a moment, checked by the warm-up round.
        clearTimeout(timer);
        resolve(ws);
      } else if (msg.type === 'next') onEvent(msg);
      else if (msg.type === 'error') reject(new Error(JSON.stringify(msg.payload)));
      else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
    ws.on('error', reject);
    ws.on('close', (code, reason) => reject(new Error(`socket closed ${code} ${reason}`)));
  });
}

function rawSubscriber(url, onEvent) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace('http', 'ws') + '/graphql');
    ws.on('open', () => resolve(ws));
    ws.on('message', (data) => onEvent(JSON.parse(data.toString())));
    ws.on('error', reject);
  });
}

/**
 * One variant of B5: `tokens` (one session each) subscribe through graphql-ws; as many raw `ws`
 * sockets hear a broadcast of the captured JSON; rounds of both interleaved.
 */
async function measure({ api, sessions, firstDossier, interleaved, summary, log, round2 }, label, tokens) {
  const count = tokens.length;
  let round = null; // { t0, latencies, seen }
  const received = (key) => {
    if (round && !round.seen.has(key)) round.seen.add(key), round.latencies.push(performance.now() - round.t0);
  };
  log(`${label}: opening ${count} graphql-ws subscribers ...`);
  const t = performance.now();
  const apiSockets = await openAll(count, 50, (i) => graphqlWsSubscriber(api.url, `kluis_session=${tokens[i]}`, () => received(`api${i}`)));
  const connectSeconds = round2((performance.now() - t) / 1000);
  const raw = await startRaw('raw-ws.mjs');
  const rawSockets = await openAll(count, 50, (i) => rawSubscriber(raw.url, () => received(`raw${i}`)));
  await new Promise((r) => setTimeout(r, 1000));

  let sample = '{"type":"next","id":"1","payload":{"data":{"unreadCountsChanged":{}}}}';
  const deliver = async (trigger) => {
    round = { t0: performance.now(), latencies: [], seen: new Set() };
    await trigger();
    const until = Date.now() + 60_000;
    while (round.latencies.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    const l = round.latencies.sort((x, y) => x - y);
    round = null;
    return { received: l.length, p95: l.length === count ? percentile(l, 95) : Infinity, max: l.at(-1) };
  };
  let n = 0;
  const viaApi = () =>
    deliver(async () => {
      const res = await gql(api.url, 'mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }', { i: { dossierId: firstDossier, subject: `Bench ${n}`, body: 'Nieuw bericht', idempotencyKey: `bench-${Date.now()}-${n++}` } }, sessions.staff);
      if (res.body.includes('"errors"')) throw new Error(res.body);
    });
  const viaRaw = () => deliver(() => fetch(`${raw.url}/broadcast`, { method: 'POST', body: sample }));
  // Warm-up also captures a real event, so the raw broadcast sends the same JSON.
  const captured = new Promise((resolve) => apiSockets[0].once('message', (d) => resolve(d.toString())));
  const { a, b } = await interleaved(
    async (ms) => (ms ? (await viaApi(), (sample = await captured), null) : viaApi()),
    async (ms) => (ms ? (await viaRaw(), null) : viaRaw()),
  );
  for (const ws of [...apiSockets, ...rawSockets]) ws.terminate();
  await raw.stop();
  const fig = {
    subscribers: count,
    connectSeconds,
    apiP95: summary(a, 'p95'),
    rawP95: summary(b, 'p95'),
    apiMax: summary(a, 'max'),
    apiP95PerRound: a.map((r) => round2(r.p95)),
    rawP95PerRound: b.map((r) => round2(r.p95)),
    receivedPerRound: a.map((r) => r.received),
    allReceived: a.every((r) => r.received === count) && b.every((r) => r.received === count),
    payloadBytes: sample.length,
  };
  fig.ratio = round2(fig.apiP95 / fig.rawP95);
  fig.goal = 'ratio <= 2 and p95 < 250 ms';
  fig.met = fig.ratio <= 2 && fig.apiP95 < 250;
  log(`${label} ${count} subscribers: p95 ${fig.apiP95} ms through graphql-ws (max ${fig.apiMax}), raw ws ${fig.rawP95} ms: ${fig.ratio}x (connect ${connectSeconds} s)`);
  return fig;
}

export default async function b5(context) {
  const { results, big, firstDossier, scale } = context;
  const count = Number(process.env.BENCH_SUBSCRIBERS ?? Math.max(200, Math.round(5000 * Math.min(1, scale))));
  // All sockets of one client (a user with many tabs): within an event they share one execution and one payload.
  results.figures.B5 = { users: 1, ...(await measure(context, 'B5', await insertSessions(big.url, ids.benchClient, count))) };
  // One socket for each of `count` clients of the dossier: nothing to share, every socket its own counts and execution.
  const distinct = await insertDistinctClients(big.url, firstDossier, count);
  try {
    results.figures['B5 distinct users'] = { users: count, ...(await measure(context, 'B5 distinct users', distinct.tokens)) };
  } finally {
    await distinct.remove();
  }
}
