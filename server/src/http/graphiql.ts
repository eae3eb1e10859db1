import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { getAltairHtml, getDistDirectory } from 'altair-static';
import { resolveViewer, type Viewer } from '../graphql/context.js';
import { mayExploreSchema } from '../graphql/introspection.js';
import { DossierStatus } from '../modules/dossier/dossier.types.js';
import { Role } from '../modules/user/user.types.js';
import type { Services } from '../services.js';
import { exampleWindows, type ExampleIds } from './graphiql.examples.js';

/**
 * Every asset comes from this portal: scripts and styles from Altair's npm
 * package, requests only to this origin (`'self'` covers ws: and wss: too).
 */
const IDE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Angular sets styles inline.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Altair's script sandbox: scripts may evaluate code, and reach nothing but this origin. */
const SANDBOX_CSP = [
  'sandbox allow-scripts allow-same-origin',
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

const page = getAltairHtml()
  .replace(/<base [^>]*>/, '<base href="/graphiql/">')
  .replace(/<title>[^<]*<\/title>/, '<title>Kluis GraphQL IDE</title>')
  .replace('</body>', '<script type="module" src="kluis-init.js"></script></body>');

/** Runs in the page after Altair's main.js: endpoints from the page's own origin, so a proxy's Host never matters. */
const initScript = (options: object) => `const options = ${JSON.stringify(options)};
const endpointURL = new URL('/graphql', location.href).href;
const subscriptionsEndpoint = endpointURL.replace(/^http/, 'ws');
const perWindow = { endpointURL, subscriptionsEndpoint, initialSubscriptionRequestHandlerId: 'graphql-ws', initialHeaders: { 'Apollo-Require-Preflight': 'true' } };
AltairGraphQL.init({ ...options, ...perWindow, initialWindows: options.initialWindows.map((w) => ({ ...perWindow, ...w })) });
// Altair opens the last tab it created; on a first visit, open "Start here" instead.
const firstVisit = 'kluis_graphiql_opened';
if (!localStorage.getItem(firstVisit)) {
  const started = Date.now();
  const timer = setInterval(() => {
    const tabs = document.querySelectorAll('.window-switcher__item');
    if (tabs.length >= options.initialWindows.length) tabs[0].click();
    if (tabs.length >= options.initialWindows.length || Date.now() - started > 15000) {
      clearInterval(timer);
      localStorage.setItem(firstVisit, '1');
    }
  }, 100);
}
`;

async function exampleIds(services: Services, viewer: Viewer): Promise<ExampleIds> {
  const dossier = (await services.dossiers.list(viewer, { statuses: [DossierStatus.IN_PROGRESS], first: 1 })).edges[0]?.node ?? null;
  const [client] = dossier ? await services.dossiers.participants(dossier.id, { role: Role.CLIENT }) : [];
  const [template] = await services.questionnaires.templates();
  return { dossierId: dossier?.id ?? null, clientId: client?.id ?? null, templateId: template?.id ?? null };
}

/**
 * `/graphiql`: Altair, served from its npm package, for signed-in staff (session
 * cookie or API token). Clients and anonymous visitors are sent to the PWA's sign-in page (anonymous ones come back after signing in).
 */
export function graphiqlRoutes(services: Services) {
  const router = Router();
  const dist = getDistDirectory();

  const staffOnly: RequestHandler = async (req, res, next) => {
    try {
      const viewer = await resolveViewer(services, req.headers);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Vary', 'Cookie, Authorization');
      // A signed-out visitor comes back here after signing in; a client is sent home by the PWA.
      if (!viewer) return void res.redirect(302, '/sign-in?returnTo=%2Fgraphiql');
      if (!mayExploreSchema(viewer)) return void res.redirect(302, '/sign-in');
      res.locals.viewer = viewer;
      next();
    } catch (err) {
      next(err);
    }
  };
  // On top of the app's security headers: the IDE's own CSP.
  const ideCsp: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', IDE_CSP);
    next();
  };

  router.get(['/graphiql', '/graphiql/', '/graphiql/index.html'], staffOnly, ideCsp, (_req, res) => {
    res.type('html').send(page);
  });

  router.get('/graphiql/kluis-init.js', staffOnly, ideCsp, async (_req, res, next) => {
    try {
      const viewer = res.locals.viewer as Viewer;
      const options = {
        initialWindows: exampleWindows(await exampleIds(services, viewer)),
        // Per user, so staff sharing a browser do not see each other's tabs and headers.
        instanceStorageNamespace: `kluis_${viewer.user.id}_`,
        preserveState: true,
        disableAccount: true,
        initialSettings: { language: 'en-US', 'schema.reloadOnStart': true },
        persistedSettings: { 'alert.disableUpdateNotification': true, 'banners.disable': true, 'plugin.list': [], 'request.withCredentials': true },
      };
      res.type('js').send(initScript(options));
    } catch (err) {
      next(err);
    }
  });

  // Altair runs pre-request and post-request scripts in this frame and talks to it by postMessage,
  // which needs the frame on this origin. What the scripts may reach is the IDE's own: this origin only.
  router.use(
    '/graphiql/iframe-sandbox',
    express.static(path.join(dist, 'iframe-sandbox'), {
      maxAge: '1d',
      setHeaders: (res) => {
        res.setHeader('Content-Security-Policy', SANDBOX_CSP);
        res.setHeader('X-Frame-Options', 'SAMEORIGIN');
      },
    }),
  );
  router.use('/graphiql', ideCsp, express.static(dist, { index: false, maxAge: '1d' }));
  return router;
}
