import { Router } from 'express';
import type { DataSource } from 'typeorm';

/** Liveness says the process answers; readiness says the database does too. */
export function healthRoutes(db: DataSource, isDraining: () => boolean) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) return void res.status(503).json({ status: 'draining' });
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
