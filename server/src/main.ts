import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { logger } from './logger.js';
import { startServer } from './server.js';

try {
  const config = loadConfig();
  logger.level = config.logLevel;
  // An upload part read out of order is buffered under os.tmpdir() (http/uploads.ts): keep those buffers on the data volume, where the start-up sweep removes what a crash left.
  process.env.TMPDIR = path.join(config.dataDir, 'files', '.tmp');
  const server = await startServer(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining: no new requests; finishing those in flight');
    await server.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Kluis cannot start: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
