import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface KluisProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `node server/dist/main.js` as operators run it; resolves once it listens. */
export async function spawnKluis(env: Record<string, string>): Promise<KluisProcess> {
  if (!fs.existsSync(main)) throw new Error('server/dist is missing: run `npm run build -w server` first');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    if ((await fetch(`${url}/healthz`).catch(() => null))?.ok) break;
    await sleep(50);
  }
  return { url, child, exited, output: () => output };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An executable on PATH or in the sbin directories a non-login shell may lack. */
export function findBinary(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Polls until `check` holds; throws with `what` after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(25);
  }
}
