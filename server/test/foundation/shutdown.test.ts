import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase } from '../server.js';
import { freePort } from '../resilience/processes.js';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Starts the built server as its own process, as `npm start` does. */
async function spawnServer(env: Record<string, string>) {
  if (!fs.existsSync(main)) throw new Error('server/dist is missing: run `npm run build -w server` first');
  const child = spawn(process.execPath, [main], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('process', () => {
  // In production, Apollo Server would also stop itself on SIGTERM unless told not to; under NODE_ENV=test it does not.
  it.each(['test', 'production'])('drains HTTP and WebSocket connections on SIGTERM and exits 0 (NODE_ENV=%s)', async (nodeEnv) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-shutdown-'));
    const database = await createTestDatabase();
    const port = await freePort();
    const server = await spawnServer({ NODE_ENV: nodeEnv, PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'false', ...database.env });
    try {
      await expect.poll(() => server.output(), { timeout: 20_000 }).toContain('Kluis listens');
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const socketClosed = new Promise((resolve) => socket.once('close', resolve));
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await socketClosed;
      expect(server.output()).toContain('draining');
      expect(server.output()).toContain('"msg":"stopped"');
    } finally {
      server.child.kill('SIGKILL');
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('ends with one line naming the variable when the configuration is bad', async () => {
    const server = await spawnServer({ PORT: '4000', DATABASE_URL: 'mysql://root@127.0.0.1:1/none' });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toMatch(/^Kluis cannot start: DATABASE_URL: cannot open the database \(.*\)$/);
  });
});
