import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { ConfigError, type Config } from './config.js';
import { openDatabase } from './db/data-source.js';
import { createArmor } from './graphql/armor.js';
import type { Context } from './graphql/context.js';
import { formatError, refusalLogPlugin } from './graphql/errors.js';
import { schemaVisibilityPlugin } from './graphql/introspection.js';
import { buildKluisSchema } from './graphql/schema.js';
import { createApp } from './http/app.js';
import { logger } from './logger.js';
import { serveGraphqlSocket } from './realtime/socket.js';
import { createServices } from './services.js';
import { seedDemoData } from './modules/demo/demo.seed.js';

export interface KluisServer {
  url: string;
  db: DataSource;
  close(): Promise<void>;
}

async function connect(config: Config): Promise<DataSource> {
  try {
    return await openDatabase(config.database);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigError(config.database.kind === 'mysql' ? 'DATABASE_URL' : 'DATA_DIR', `cannot open the database (${reason})`);
  }
}

/** config -> database -> services -> http + ws; `close` drains requests and sockets, then the database. */
export async function startServer(config: Config): Promise<KluisServer> {
  const db = await connect(config);
  const services = createServices(config, db);
  await services.realtime.start();
  await services.outbox.start();
  await services.documents.sweepOrphanFiles();
  // A crash leaves files younger than the sweep's grace period; a later sweep takes them.
  const sweeper = setInterval(() => void services.documents.sweepOrphanFiles().catch((err) => logger.warn({ err }, 'could not sweep orphan files')), 3_600_000).unref();
  await services.users.bootstrapAdmin(config.bootstrapAdminEmail);
  if (config.demoData) await seedDemoData(services);
  const schema = await buildKluisSchema();
  const httpServer = http.createServer();

  const armor = createArmor(config.production);
  const socket = serveGraphqlSocket(httpServer, schema, services, armor);

  let draining = false;
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Decided per caller by schemaVisibilityPlugin: in production, staff and API tokens only.
    introspection: true,
    // main.ts owns SIGTERM and SIGINT: Apollo's own handlers would stop it a second time, and then kill the process with the signal again.
    stopOnTerminationSignals: false,
    validationRules: armor.rules,
    plugins: [
      refusalLogPlugin,
      schemaVisibilityPlugin(config.production),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Every answer is private to its caller (Cache-Control is the HTTP layer's): no per-field cache hints to gather.
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: async () => ({ drainServer: () => socket.dispose() }) },
    ],
  });
  await apollo.start();
  httpServer.on('request', createApp(services, apollo, () => draining, armor));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new ConfigError('PORT', `port ${config.port} is already in use`) : err),
    );
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port, database: config.database.kind }, `Kluis listens on http://localhost:${port}`);

  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      draining = true;
      clearInterval(sweeper);
      await apollo.stop();
      await services.outbox.close();
      await services.realtime.close();
      await db.destroy();
    },
  };
}
