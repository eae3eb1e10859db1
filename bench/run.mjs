#!/usr/bin/env node
// npm run bench: seeds MariaDB at scale and measures B1–B7 (see docs/performance.md).
// Env: BENCH_SCALE (1 = 10k clients, 50k dossiers, 1M messages, 500k documents), BENCH_ONLY=B1,B3,
// BENCH_ROUNDS (5), BENCH_ROUND_MS (3000), BENCH_SUBSCRIBERS (5000 × scale, at least 200).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, median } from './lib/load.mjs';
import { root, serverDist } from './lib/paths.mjs';
import { startRaw, startServer } from './lib/proc.mjs';
import { DOSSIERS, MESSAGES } from './lib/queries.mjs';
import { CLIENT_EMAIL, STAFF_EMAIL, seed } from './lib/seed.mjs';
import { gql, signIn } from './lib/session.mjs';
import { startSqlProxy } from './lib/sql-proxy.mjs';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toUpperCase());
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 3000);
const wanted = (b) => !only || only.includes(b);
const log = (...a) => console.log(...a);
const round2 = (x) => Math.round(x * 100) / 100;

if (!fs.existsSync(path.join(serverDist, 'main.js'))) {
  console.error(`No ${path.join(serverDist, 'main.js')}: run npm run build first.`);
  process.exit(1);
}

const results = {
  date: new Date().toISOString(),
  scale,
  rounds: ROUNDS,
  roundMs: ROUND_MS,
  machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: round2(os.totalmem() / 2 ** 30), node: process.version },
  figures: {},
};
const bigName = scale === 1 ? 'kluis_bench' : `kluis_bench_${String(scale).replace('.', '_')}`;

/** Rounds of `a` then `b` (alternating which goes first), after one warm-up of each. */
async function interleaved(a, b, warmMs = 1000) {
  await a(warmMs);
  await b(warmMs);
  const out = { a: [], b: [] };
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2) {
      out.b.push(await b());
      out.a.push(await a());
    } else {
      out.a.push(await a());
      out.b.push(await b());
    }
  }
  return out;
}
const summary = (runs, key) => round2(median(runs.map((r) => r[key])));
const sortKeys = (v) => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v);
const sameJson = (x, y) => JSON.stringify(sortKeys(JSON.parse(x))) === JSON.stringify(sortKeys(JSON.parse(y)));

const post = (url, query, variables, cookie) => () => ({ url: `${url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
const noErrors = (res) => {
  if (res.body.includes('"errors"')) throw new Error(res.body.slice(0, 300));
};

log(`Kluis bench: scale ${scale}, ${ROUNDS} rounds of ${ROUND_MS} ms, server ${serverDist}`);
const big = await seed(bigName, scale, log);
const small = wanted('B3') ? await seed('kluis_bench_small', 0.001, log) : null;
results.seed = { big: big.sizes, small: small?.sizes };

const api = await startServer(big.url);
const raw = await startRaw('raw-api.mjs', { DATABASE_URL: big.url });
const sessions = { client: await signIn(api.url, bigName, CLIENT_EMAIL), staff: await signIn(api.url, bigName, STAFF_EMAIL) };
// B4 and B5 add documents and messages to the first dossier; B2 counts statements on the second, which only the seed
// wrote, so that its pages of 10 and of 100 hold the same mix of authors in every run.
const [firstDossier, seededDossier] = JSON.parse((await gql(api.url, DOSSIERS, { first: 2 }, sessions.client)).body).data.dossiers.edges.map((e) => e.node.id);

// --- B1: dossier list through the API against the raw handler ---------------
if (wanted('B1')) {
  results.figures.B1 = {};
  for (const who of ['client', 'staff']) {
    const [x, y] = await Promise.all([gql(api.url, DOSSIERS, { first: 20 }, sessions[who]), gql(raw.url, DOSSIERS, { first: 20 }, sessions[who])]);
    const same = sameJson(x.body, y.body);
    const run = (url) => (ms = ROUND_MS) => load({ make: post(url, DOSSIERS, { first: 20 }, sessions[who]), connections: 8, durationMs: ms, check: noErrors });
    const { a, b } = await interleaved(run(api.url), run(raw.url));
    const fig = {
      api: { rps: summary(a, 'rps'), p99: summary(a, 'p99') },
      raw: { rps: summary(b, 'rps'), p99: summary(b, 'p99') },
      sameJson: same,
    };
    fig.ratio = round2(fig.api.rps / fig.raw.rps);
    fig.goal = '>= 0.6';
    fig.met = fig.ratio >= 0.6;
    results.figures.B1[who] = fig;
    log(`B1 ${who}: API ${fig.api.rps} req/s p99 ${fig.api.p99} ms, raw ${fig.raw.rps} req/s p99 ${fig.raw.p99} ms, ratio ${fig.ratio} (same JSON: ${same})`);
  }
}

// --- B2: SQL statements per request, pages of 10 and 100 --------------------
if (wanted('B2')) {
  const proxy = await startSqlProxy();
  const counted = await startServer(big.url.replace(':3306/', `:${proxy.port}/`));
  const cookies = { client: await signIn(counted.url, bigName, CLIENT_EMAIL), staff: await signIn(counted.url, bigName, STAFF_EMAIL) };
  const statements = async (query, variables, cookie) => {
    await gql(counted.url, query, variables, cookie);
    const n = [];
    for (let i = 0; i < 3; i++) {
      const before = proxy.stats.statements;
      const res = await gql(counted.url, query, variables, cookie);
      noErrors(res);
      n.push(proxy.stats.statements - before);
    }
    // The fewest: a session's lastSeenAt is written at most once a minute, into whichever request comes then.
    return Math.min(...n);
  };
  results.figures.B2 = {};
  for (const who of ['client', 'staff']) {
    const fig = { page10: await statements(DOSSIERS, { first: 10 }, cookies[who]), page100: await statements(DOSSIERS, { first: 100 }, cookies[who]) };
    fig.messages10 = await statements(MESSAGES, { id: seededDossier, first: 10 }, cookies[who]);
    fig.messages100 = await statements(MESSAGES, { id: seededDossier, first: 100 }, cookies[who]);
    fig.goal = 'page10 == page100';
    fig.met = fig.page10 === fig.page100 && fig.messages10 === fig.messages100;
    results.figures.B2[who] = fig;
    log(`B2 ${who}: dossier list ${fig.page10} statements for 10, ${fig.page100} for 100; messages ${fig.messages10} / ${fig.messages100}`);
  }
  await counted.stop();
  counted.cleanup();
  await proxy.close();
}

// --- B3: p95 with 1,000,000 messages against 1,000 --------------------------
if (wanted('B3')) {
  const smallApi = await startServer(small.url);
  const smallSessions = { client: await signIn(smallApi.url, 'kluis_bench_small', CLIENT_EMAIL), staff: await signIn(smallApi.url, 'kluis_bench_small', STAFF_EMAIL) };
  const smallFirst = JSON.parse((await gql(smallApi.url, DOSSIERS, { first: 1 }, smallSessions.client)).body).data.dossiers.edges[0].node.id;
  results.figures.B3 = {};
  for (const who of ['client', 'staff']) {
    for (const [what, query, bigVars, smallVars] of [
      ['list', DOSSIERS, { first: 20 }, { first: 20 }],
      ['messages', MESSAGES, { id: firstDossier, first: 20 }, { id: smallFirst, first: 20 }],
    ]) {
      const run = (url, vars, cookie) => (ms = ROUND_MS) => load({ make: post(url, query, vars, cookie), connections: 2, durationMs: ms, check: noErrors });
      const { a, b } = await interleaved(run(api.url, bigVars, sessions[who]), run(smallApi.url, smallVars, smallSessions[who]));
      const fig = { bigP95: summary(a, 'p95'), smallP95: summary(b, 'p95') };
      fig.ratio = round2(fig.bigP95 / fig.smallP95);
      fig.goal = '<= 1.5';
      fig.met = fig.ratio <= 1.5;
      results.figures.B3[`${who}-${what}`] = fig;
      log(`B3 ${who} ${what}: p95 ${fig.bigP95} ms at ${big.sizes.messages} messages, ${fig.smallP95} ms at ${small.sizes.messages}: ${fig.ratio}x`);
    }
  }
  await smallApi.stop();
  smallApi.cleanup();
}

const context = { results, big, api, sessions, firstDossier, interleaved, summary, log, ROUNDS, ROUND_MS, scale, bigName, round2, wanted };
for (const [b, file] of [['B4', 'b4-upload.mjs'], ['B6', 'b6-signin.mjs'], ['B5', 'b5-subscribers.mjs'], ['B7', 'b7-pwa.mjs']]) {
  if (!wanted(b) || !fs.existsSync(path.join(root, 'bench/lib', file))) continue;
  try {
    await (await import(`./lib/${file}`)).default(context);
  } catch (err) {
    results.figures[b] = { error: String(err?.stack ?? err) };
    log(`${b} failed: ${err?.message ?? err}`);
  }
}

await raw.stop();
await api.stop();
api.cleanup();
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
// A partial run (BENCH_ONLY) is named for its figures, so that it never replaces the day's full run.
const file = path.join(root, 'bench/results', `${results.date.slice(0, 10)}${scale === 1 ? '' : `-scale-${scale}`}${only ? `-only-${only.join('-')}` : ''}.json`);
fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
log(`results: ${path.relative(root, file)}`);
process.exit(0);
