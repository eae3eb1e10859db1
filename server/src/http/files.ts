import { Router } from 'express';
import { clientIp, resolveViewer } from '../graphql/context.js';
import { logger } from '../logger.js';
import type { Services } from '../services.js';

/** GET /files/:id: a document's bytes for a viewer who may see it; any other id is a plain 404. */
export function fileRoutes(services: Services) {
  const router = Router();
  router.get('/files/:id', async (req, res, next) => {
    try {
      const viewer = await resolveViewer(services, req.headers);
      const site = req.headers['sec-fetch-site'];
      // A document opens from the portal's own pages or the address bar. A link on another site still carries the
      // SameSite=Lax cookie and would mark it read and audit a download the client never chose; browsers that send no
      // fetch metadata are let through.
      const fromElsewhere = site === 'cross-site' || site === 'same-site';
      const found = viewer?.step === 'DONE' && !fromElsewhere ? await services.documents.download(viewer, req.params.id, clientIp(req)) : null;
      if (!found) {
        logger.warn({ documentId: req.params.id, userId: viewer?.user.id ?? null, ip: clientIp(req), ...(fromElsewhere ? { site } : {}) }, 'download refused');
        return void res.status(404).type('text').send('Not found');
      }
      const { document, stream } = found;
      // First: attachment() also sets a type from the name's extension (text/html for "x.html"); the sniffed type replaces it.
      res.attachment(document.fileName);
      res.setHeader('Content-Type', document.mimeType);
      res.setHeader('Content-Length', String(document.size));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      stream.on('error', next);
      stream.pipe(res);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
