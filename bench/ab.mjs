#!/usr/bin/env node
// Two builds of the portal side by side, on one seed, measured alternately: how a change is told from the noise of a
// shared host (see docs/performance.md, "Comparing two builds").
//   node bench/ab.mjs save <name>                 copies the current build (npm run build) to bench/.ab/<name>
//   node bench/ab.mjs compare <a> <b> [--pairs 10] [--measure long-tasks|lighthouse] [--page /dossiers]
// BENCH_SCALE (0.01 here) and BENCH_MYSQL_URL as for npm run bench.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME, FLAGS, lighthouse } from './lib/b7-pwa.mjs';
import { median } from './lib/load.mjs';
import { root } from './lib/paths.mjs';
import { startServer } from './lib/proc.mjs';
import { CLIENT_EMAIL, seed } from './lib/seed.mjs';
import { signIn } from './lib/session.mjs';

const builds = path.join(root, 'bench/.ab');
const [command, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(`--${name}`) ? rest[rest.indexOf(`--${name}`) + 1] : fallback);

/** The server finds the PWA at ../../pwa/dist from its dist, and its packages through the links. */
function save(name) {
  const to = path.join(builds, name);
  fs.rmSync(to, { recursive: true, force: true });
  for (const part of ['server/dist', 'server/assets', 'server/package.json', 'pwa/dist']) fs.cpSync(path.join(root, part), path.join(to, part), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(to, 'node_modules'));
  if (fs.existsSync(path.join(root, 'server/node_modules'))) fs.symlinkSync(path.join(root, 'server/node_modules'), path.join(to, 'server/node_modules'));
  console.log(`saved the current build as ${to}`);
}

/** One load of `page` in a new Chromium at 4× slower CPU: its long tasks, as the page's own PerformanceObserver saw them. */
async function longTasks(url, cookie, page) {
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    if (cookie) {
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url }]);
    }
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await tab.goto(url + page, { waitUntil: 'networkidle' });
    await tab.waitForTimeout(3000);
    const { tasks, fcp } = await tab.evaluate(() => ({ tasks: window.__longTasks, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0 }));
    const sum = (list, f) => Math.round(list.reduce((t, task) => t + f(task), 0));
    return {
      fcpMs: Math.round(fcp),
      busyMs: sum(tasks, ([, d]) => d),
      // As Lighthouse counts it, but of the tasks as they ran (no simulation): the part over 50 ms of each after the first paint.
      blockingMs: sum(tasks.filter(([start]) => start >= fcp), ([, d]) => Math.max(0, d - 50)),
      longestMs: Math.round(Math.max(0, ...tasks.map(([, d]) => d))),
    };
  } finally {
    await browser.close();
  }
}

async function compare(a, b) {
  const pairs = Number(option('pairs', 10));
  const measure = option('measure', 'long-tasks');
  const page = option('page', '/dossiers');
  if (!['long-tasks', 'lighthouse'].includes(measure)) throw new Error(`--measure long-tasks or lighthouse, not ${measure}`);
  const dists = Object.fromEntries([a, b].map((name) => [name, path.join(builds, name, 'server/dist')]));
  for (const [name, dist] of Object.entries(dists)) if (!fs.existsSync(dist)) throw new Error(`no build ${name}: node bench/ab.mjs save ${name}`);
  const scale = Number(process.env.BENCH_SCALE ?? 0.01);
  const database = `kluis_bench_${String(scale).replace('.', '_')}`;
  const { url: databaseUrl } = await seed(database, scale, console.log);
  const sides = {};
  for (const name of [a, b]) {
    const server = await startServer(databaseUrl, {}, dists[name]);
    sides[name] = { server, cookie: page === '/sign-in' ? null : await signIn(server.url, database, CLIENT_EMAIL), runs: [] };
  }
  const once = ({ server, cookie }, label) =>
    measure === 'lighthouse' ? lighthouse(server.url + page, cookie, label) : longTasks(server.url, cookie, page);
  try {
    for (const name of [a, b]) await once(sides[name], `${name}-warm-up`);
    for (let i = 0; i < pairs; i++) {
      // Each side goes first in half of the pairs.
      for (const name of i % 2 ? [b, a] : [a, b]) sides[name].runs.push(await once(sides[name], `${name}-${i + 1}`));
      console.log(`pair ${i + 1}: ${[a, b].map((name) => `${name} ${JSON.stringify(sides[name].runs.at(-1))}`).join('  ')}`);
    }
  } finally {
    await Promise.all(Object.values(sides).map((side) => side.server.stop().then(side.server.cleanup)));
  }
  const keys = Object.keys(sides[a].runs[0]).filter((key) => typeof sides[a].runs[0][key] === 'number');
  for (const name of [a, b]) console.log(`${name}, medians of ${pairs}: ${keys.map((key) => `${key} ${median(sides[name].runs.map((run) => run[key]))}`).join(', ')}`);
}

if (command === 'save' && rest[0]) save(rest[0]);
else if (command === 'compare' && rest[0] && rest[1]) await compare(rest[0], rest[1]);
else {
  console.error('usage: node bench/ab.mjs save <name> | compare <a> <b> [--pairs 10] [--measure long-tasks|lighthouse] [--page /dossiers]');
  process.exit(2);
}
