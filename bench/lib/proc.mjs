// Child processes under test (the real server, the raw baselines) and their RSS.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root, serverDist } from './paths.mjs';
import { STORAGE_KEY } from './seed.mjs';

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function waitFor(url, child, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function start(label, args, env, readyPath) {
  return (async () => {
    const port = await freePort();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(url + readyPath, child);
    } catch (err) {
      child.kill('SIGKILL');
      throw new Error(`${label}: ${err.message}\n${stderr}`);
    }
    return {
      label,
      url,
      port,
      pid: child.pid,
      rss: () => rssBytes(child.pid),
      stop: () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }).then(() => children.delete(child)),
    };
  })();
}

/**
 * node server/dist/main.js (or `dist`) against `databaseUrl`, production mode, its own DATA_DIR.
 * BENCH_SERVER_ARGS: node flags for it, such as `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export function startServer(databaseUrl, extraEnv = {}, dist = serverDist) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-'));
  // As the Dockerfile and `npm start` run it.
  const flags = ['--initial-old-space-size=256', ...(process.env.BENCH_SERVER_ARGS?.split(/\s+/).filter(Boolean) ?? [])];
  return start('server', [...flags, path.join(dist, 'main.js')], {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    STORAGE_KEY,
    REDIS_URL: '',
    MAX_UPLOAD_MB: '256',
    ...extraEnv,
  }, '/readyz').then((s) => ({ ...s, dataDir, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) }));
}

/** One of bench/raw/*.mjs. */
export function startRaw(script, env = {}) {
  return start(script, [path.join(root, 'bench/raw', script)], env, '/ready');
}
