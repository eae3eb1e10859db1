// B7: the PWA's initial JS (gzip), Lighthouse mobile scores of the signed-in dossier list,
// and a warm offline start in Chromium. Lighthouse is installed on demand into bench/tools/node_modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { initialJs } from '../check-bundle.mjs';
import { median } from './load.mjs';
import { root } from './paths.mjs';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export async function lighthouse(url, cookie, label) {
  if (!fs.existsSync(path.join(root, 'bench/tools/node_modules/lighthouse'))) {
    execFileSync('npm', ['install', '--prefix', path.join(root, 'bench/tools'), '--no-audit', '--no-fund', '--ignore-scripts'], { stdio: 'inherit' });
  }
  const require = createRequire(path.join(root, 'bench/tools/package.json'));
  const { default: run } = await import(require.resolve('lighthouse'));
  const chromeLauncher = await import(require.resolve('chrome-launcher'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
  try {
    const options = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: cookie ? { Cookie: cookie } : undefined, ...(process.env.BENCH_LH_SAMPLES ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {}) };
    let { lhr, artifacts } = await run(url, options);
    // A run Lighthouse could not record (NO_NAVSTART, four runs of about a hundred on one host) measured nothing: run it again.
    for (let retries = 2; lhr.runtimeError && retries > 0; retries--) {
      console.warn(`B7 Lighthouse ${label}: ${lhr.runtimeError.code}, running it again`);
      ({ lhr, artifacts } = await run(url, options));
    }
    if (lhr.runtimeError) throw new Error(`Lighthouse ${label}: ${lhr.runtimeError.message}`);
    // BENCH_LHR_DIR: keep each full Lighthouse report (LCP element, request chains, bootup time) and the trace it
    // simulated from (its tasks, unthrottled) for a closer look.
    if (process.env.BENCH_LHR_DIR) {
      fs.mkdirSync(process.env.BENCH_LHR_DIR, { recursive: true });
      const file = path.join(process.env.BENCH_LHR_DIR, `${new URL(url).pathname.replace(/\W+/g, '_')}-${label}`);
      fs.writeFileSync(`${file}.json`, JSON.stringify(lhr));
      fs.writeFileSync(`${file}.trace.json`, JSON.stringify(artifacts.Trace));
    }
    const audit = (id) => lhr.audits[id]?.numericValue;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
      // Lighthouse's own measure of this host's CPU at the time (higher is faster); it moves from run to run on shared hosts.
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      failedAccessibility: Object.values(lhr.audits).filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0).map((a) => a.id),
    };
  } finally {
    chrome.kill();
  }
}

/** Online visit, service worker in control, then offline reload: does the dossier list still show? */
async function offlineStart(url, cookie, expectText) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    await page.goto(`${url}/dossiers`);
    await page.getByText(expectText).first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker?.ready);
    await page.reload();
    await page.getByText(expectText).first().waitFor({ timeout: 30_000 });
    // "Warm": the visit is complete once the PWA has written what it showed to IndexedDB (half a second after a change).
    const persisted = () =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('kluis-cache');
            open.onerror = () => resolve('');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('apollo')) return resolve('');
              const get = db.transaction('apollo').objectStore('apollo').get('apollo-cache');
              get.onsuccess = () => resolve(String(get.result ?? ''));
              get.onerror = () => resolve('');
            };
          }),
      );
    for (const until = Date.now() + 10_000; !(await persisted()).includes(expectText) && Date.now() < until; ) await page.waitForTimeout(100);
    await context.setOffline(true);
    await page.reload().catch(() => {});
    const shown = await page.getByText(expectText).first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (!shown) {
      // What showed instead, for whoever looks into it.
      fs.mkdirSync(path.join(root, 'bench/.snap'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'bench/.snap/b7-offline.png') }).catch(() => {});
    }
    return { dossierListShownOffline: shown, ...(shown ? {} : { shownInstead: page.url() }) };
  } finally {
    await browser.close();
  }
}

/** BENCH_PROFILE=<file>: a CPU profile (4× slower CPU) of a signed-in load of the dossier list, for a closer look. */
async function profileDossiers(url, cookie, file) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${url}/dossiers`);
    await page.locator('.dossier-item__description').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
  } finally {
    await browser.close();
  }
}

/**
 * One Lighthouse report per page is one draw from a wide spread on a shared host: a warm-up run of each page, then
 * `rounds` runs of each, interleaved; each figure is the median of its runs (accessibility: the worst run).
 */
async function lighthouseMedians(pages, rounds, log) {
  for (const [name, page] of Object.entries(pages)) await lighthouse(page.url, page.cookie, `${name}-warm-up`);
  const runs = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const [name, page] of Object.entries(pages)) {
      const run = await lighthouse(page.url, page.cookie, `${name}-${round}`);
      runs[name].push(run);
      log(`B7 Lighthouse ${name} round ${round}: performance ${run.performance}, TBT ${run.tbtMs} ms, LCP ${run.lcpMs} ms, benchmark index ${run.benchmarkIndex}`);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const mid = (key) => median(list.map((r) => r[key]));
      return [name, {
        performance: mid('performance'),
        accessibility: Math.min(...list.map((r) => r.accessibility)),
        fcpMs: mid('fcpMs'),
        lcpMs: mid('lcpMs'),
        tbtMs: mid('tbtMs'),
        cls: mid('cls'),
        benchmarkIndex: mid('benchmarkIndex'),
        performanceRuns: list.map((r) => r.performance),
        benchmarkIndexRuns: list.map((r) => r.benchmarkIndex),
        failedAccessibility: [...new Set(list.flatMap((r) => r.failedAccessibility))],
      }];
    }),
  );
}

export default async function b7({ results, api, sessions, log, ROUNDS }) {
  if (process.env.BENCH_PROFILE) return profileDossiers(api.url, sessions.client, process.env.BENCH_PROFILE);
  const bundle = initialJs();
  const fig = { initialJsGzipKB: Math.round((bundle.gzip / 1024) * 10) / 10, initialJsFiles: bundle.files.length, budgetKB: 150 };
  fig.bundleMet = bundle.gzip <= 150 * 1024;
  results.figures.B7 = fig;
  log(`B7 initial JS: ${fig.initialJsGzipKB} KB gzip in ${fig.initialJsFiles} files (budget 150 KB)`);
  try {
    const medians = await lighthouseMedians({ signIn: { url: `${api.url}/sign-in` }, dossiers: { url: `${api.url}/dossiers`, cookie: sessions.client } }, ROUNDS, log);
    fig.lighthouseRounds = ROUNDS;
    fig.lighthouseSignIn = medians.signIn;
    fig.lighthouseDossiers = medians.dossiers;
    fig.lighthouseMet = [fig.lighthouseSignIn, fig.lighthouseDossiers].every((l) => l.performance >= 95 && l.accessibility === 100);
    log(`B7 Lighthouse mobile: sign-in ${JSON.stringify(fig.lighthouseSignIn)}; dossier list ${JSON.stringify(fig.lighthouseDossiers)}`);
  } catch (err) {
    fig.lighthouseError = String(err?.message ?? err);
    log(`B7 Lighthouse failed: ${fig.lighthouseError}`);
  }
  try {
    const first = JSON.parse((await (await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: sessions.client }, body: JSON.stringify({ query: '{ dossiers(first: 1) { edges { node { number } } } }' }) })).text())).data.dossiers.edges[0].node.number;
    Object.assign(fig, await offlineStart(api.url, sessions.client, first));
    log(`B7 warm offline start shows the dossier list: ${fig.dossierListShownOffline}`);
  } catch (err) {
    fig.offlineError = String(err?.message ?? err);
    log(`B7 offline start failed: ${fig.offlineError}`);
  }
}
