import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PortalService } from './modules/portal/portal.service.js';

/** The services of one running portal, built once at start and handed to resolvers through the context. */
export function createServices(config: Config, db: DataSource) {
  return {
    config,
    db,
    auth: new AuthService(db, config),
    portal: new PortalService(config),
  };
}

export type Services = ReturnType<typeof createServices>;
