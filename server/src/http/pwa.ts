import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router } from 'express';
import { escapeHtml } from '../html.js';

export const pwaDir = fileURLToPath(new URL('../../../pwa/dist/', import.meta.url));

/**
 * The built PWA at `/`, compressed, with index.html for client-side routes; the service worker is never cached by HTTP.
 * A client-side route's page carries the portal's name, so the shell shows it without asking (the service worker's
 * own copy, fetched as /index.html, does not: the shell asks then).
 */
export function pwaRoutes(reservedPrefixes: string[], portalName: string) {
  const named = `<title>${escapeHtml(portalName)}</title>\n    <meta name="application-name" content="${escapeHtml(portalName)}" />`;
  const router = Router();
  const index = path.join(pwaDir, 'index.html');
  // The app shell only: API answers carry personal data beside reflected input (BREACH), and are left as they are.
  router.use(compression());
  router.use(
    express.static(pwaDir, {
      index: false,
      setHeaders(res, file) {
        const name = path.basename(file);
        if (name === 'sw.js' || name === 'index.html' || name.endsWith('.webmanifest')) res.setHeader('Cache-Control', 'no-cache');
        else if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (reservedPrefixes.some((p) => req.path === p || req.path.startsWith(`${p}/`)) || path.extname(req.path)) return next();
    fs.promises.readFile(index, 'utf8').then(
      (html) => res.setHeader('Cache-Control', 'no-cache').type('html').send(html.replace(/<title>.*<\/title>/, () => named)),
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? res.status(503).type('text').send('The PWA is not built: run `npm run build -w pwa`.') : next(err)),
    );
  });
  return router;
}
