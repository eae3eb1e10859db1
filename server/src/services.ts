import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { Mailer } from './mail/mailer.js';
import { AuthService } from './modules/auth/auth.service.js';
import { PortalService } from './modules/portal/portal.service.js';
import { UserService } from './modules/user/user.service.js';
import { Sealer } from './security/secrets.js';
import { SmsSender } from './sms/sms-sender.js';

/** The services of one running portal, built once at start and handed to resolvers through the context. */
export function createServices(config: Config, db: DataSource) {
  const mailer = new Mailer(config);
  const portal = new PortalService(config);
  const auth = new AuthService(db, config, mailer, new SmsSender(config), Sealer.fromConfig(config.storageKey, config.dataDir), portal);
  return { config, db, mailer, portal, auth, users: new UserService(db, auth) };
}

export type Services = ReturnType<typeof createServices>;
