import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { ConfigError, type Config } from './config.js';
import { openDatabase } from './db/data-source.js';
import type { Context, Viewer } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { Loaders } from './graphql/loaders.js';
import { buildKluisSchema } from './graphql/schema.js';
import { createApp } from './http/app.js';
import { logger } from './logger.js';
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
  await services.users.bootstrapAdmin(config.bootstrapAdminEmail);
  if (config.demoData) await seedDemoData(services);
  const schema = await buildKluisSchema();
  const httpServer = http.createServer();

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer }>(
    {
      schema,
      // Sockets are authenticated once, when they connect; anonymous ones are refused (4403).
      onConnect: async (ctx) => {
        const viewer = await services.auth.authenticate(ctx.extra.request.headers);
        if (!viewer || viewer.step !== 'DONE') return false;
        ctx.extra.viewer = viewer;
        return true;
      },
      context: (ctx): Context => ({
        viewer: ctx.extra.viewer ?? null,
        services,
        ip: ctx.extra.request.socket.remoteAddress ?? '',
        headers: ctx.extra.request.headers,
        loaders: new Loaders(),
      }),
    },
    wsServer,
  );

  let draining = false;
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      { serverWillStart: async () => ({ drainServer: async () => { await wsCleanup.dispose(); } }) },
    ],
  });
  await apollo.start();
  httpServer.on('request', createApp(services, apollo, () => draining));

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
      await apollo.stop();
      await services.notifier.flush();
      await db.destroy();
    },
  };
}
