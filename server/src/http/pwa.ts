import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { Router } from 'express';

export const pwaDir = fileURLToPath(new URL('../../../pwa/dist/', import.meta.url));

/** The built PWA at `/`, compressed, with index.html for client-side routes; the service worker is never cached by HTTP. */
export function pwaRoutes(reservedPrefixes: string[]) {
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
    if (!fs.existsSync(index)) return void res.status(503).type('text').send('The PWA is not built: run `npm run build -w pwa`.');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
