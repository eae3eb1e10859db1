import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { Mailer } from './mail/mailer.js';
import { ApiTokenService } from './modules/api-token/api-token.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { DocumentService } from './modules/document/document.service.js';
import { DossierService } from './modules/dossier/dossier.service.js';
import { MessageService } from './modules/message/message.service.js';
import { QuestionnaireService } from './modules/questionnaire/questionnaire.service.js';
import { PortalService } from './modules/portal/portal.service.js';
import { Outbox } from './outbox/outbox.js';
import { Realtime } from './realtime/realtime.js';
import { LocalDiskStorage } from './storage/storage.js';
import { UserService } from './modules/user/user.service.js';
import { Sealer } from './security/secrets.js';
import { SmsSender } from './sms/sms-sender.js';

/** The services of one running portal, built once at start and handed to resolvers through the context. */
export function createServices(config: Config, db: DataSource) {
  const portal = new PortalService(config);
  const realtime = new Realtime({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix });
  const sealer = Sealer.fromConfig(config.storageKey, config.dataDir, config.previousStorageKeys);
  const outbox = new Outbox(db, sealer, new Mailer(config), new SmsSender(config), config.outbox, new URL(config.publicUrl).hostname);
  const auth = new AuthService(db, config, outbox, sealer, portal, realtime);
  const dossiers = new DossierService(db, realtime);
  const storage = new LocalDiskStorage(path.join(config.dataDir, 'files'), config.storageKey ? [config.storageKey, ...config.previousStorageKeys] : []);
  const documents = new DocumentService(db, config, storage, dossiers, outbox, realtime);
  const questionnaires = new QuestionnaireService(db, config, outbox, dossiers, storage);
  dossiers.countOpenActions = (users) => questionnaires.countOpen(users);
  // Everyone who sees the dossier hears: company extra accounts share the action, and a completed one adds a document.
  questionnaires.onActionsChanged = (dossierId) => realtime.countsChanged({ dossierId });
  return { config, db, apiTokens: new ApiTokenService(db), realtime, outbox, portal, auth, users: new UserService(db, auth), dossiers, documents, storage, messages: new MessageService(db, config, outbox, dossiers, documents, realtime), questionnaires };
}

export type Services = ReturnType<typeof createServices>;
