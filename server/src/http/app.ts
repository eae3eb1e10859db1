import express, { type ErrorRequestHandler, type Request } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { serialize } from 'cookie';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import type { Services } from '../services.js';
import type { Armor } from '../graphql/armor.js';
import { clientIp, resolveViewer, type Context } from '../graphql/context.js';
import { ErrorCode, RETRY_AFTER_SECONDS, databaseUnavailable, isDatabaseUnavailable, isPayloadTooLarge } from '../graphql/errors.js';
import { Loaders } from '../graphql/loaders.js';
import { logger } from '../logger.js';
import { fileRoutes } from './files.js';
import { graphiqlRoutes } from './graphiql.js';
import { healthRoutes } from './health.js';
import { pwaRoutes } from './pwa.js';
import { securityHeaders } from './security-headers.js';
import { streamingProcessRequest } from './uploads.js';

const reservedPrefixes = ['/graphql', '/graphiql', '/files', '/healthz', '/readyz'];
/** Room for the multipart fields beside the files themselves. */
const multipartOverheadBytes = 1024 * 1024;

export async function httpContext(services: Services, req: Request, setCookie?: Context['setCookie']): Promise<Context> {
  return { viewer: await resolveViewer(services, req.headers), services, ip: clientIp(req), headers: req.headers, setCookie, loaders: new Loaders() };
}

/** The express app: health, GraphQL over HTTP with uploads, and the PWA. */
export function createApp(services: Services, apollo: ApolloServer<Context>, isDraining: () => boolean, armor: Armor) {
  const { config } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(config));

  app.use(healthRoutes(services.db, isDraining));
  app.use(fileRoutes(services));
  app.use(graphiqlRoutes(services));

  const maxRequestBytes = config.maxUploadBytes * config.maxUploadFiles + multipartOverheadBytes;
  app.use(
    '/graphql',
    (req, res, next) => {
      // Refused before a byte of the body is read, so nothing is stored.
      if (Number(req.headers['content-length'] ?? 0) > maxRequestBytes) return void payloadTooLarge(res);
      next();
    },
    express.json({ limit: '1mb' }),
    malformedIsBadRequest(graphqlUploadExpress({ processRequest: streamingProcessRequest, maxFileSize: config.maxUploadBytes, maxFiles: config.maxUploadFiles })),
    armor.httpTokenLimit,
    expressMiddleware(apollo, {
      context: ({ req, res }) => httpContext(services, req, (name, value, options) => res.append('Set-Cookie', serialize(name, value, options))),
    }),
  );

  app.use(pwaRoutes(reservedPrefixes, config.portalName));

  const errors: ErrorRequestHandler = (err, req, res, _next) => {
    if (res.headersSent) return void res.end();
    if (isPayloadTooLarge(err)) return void payloadTooLarge(res);
    if (isDatabaseUnavailable(err)) {
      logger.warn({ err, path: req.path }, 'the database cannot be reached');
      return void res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({ errors: [databaseUnavailable] });
    }
    const status = Number(err?.status ?? err?.statusCode);
    if (status >= 400 && status < 500) {
      return void res.status(status).json({ errors: [{ message: err.expose ? String(err.message) : 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    }
    logger.error({ err, path: req.path }, 'unexpected error in an HTTP request');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  };
  app.use(errors);
  return app;
}

/**
 * A refused multipart body: drained, since graphql-upload holds the answer until the request has ended;
 * a bare Error is busboy's verdict on a malformed body (boundary, part header): the client's fault, a 400.
 */
function malformedIsBadRequest(handler: express.RequestHandler): express.RequestHandler {
  return (req, res, next) =>
    handler(req, res, (err?: unknown) => {
      if (!err) return next();
      req.resume();
      next(err instanceof Error && !('status' in err) ? Object.assign(err, { status: 400, expose: true }) : err);
    });
}

function payloadTooLarge(res: express.Response) {
  res
    .status(413)
    .set('Connection', 'close')
    .json({ errors: [{ message: 'The upload is too large', extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] });
}
