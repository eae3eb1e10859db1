import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { Mailer } from './mail/mailer.js';
import { AuthService } from './modules/auth/auth.service.js';
import { DocumentNotifier } from './modules/document/document.notifier.js';
import { DocumentService } from './modules/document/document.service.js';
import { DossierService } from './modules/dossier/dossier.service.js';
import { MessageService } from './modules/message/message.service.js';
import { QuestionnaireService } from './modules/questionnaire/questionnaire.service.js';
import { PortalService } from './modules/portal/portal.service.js';
import { LocalDiskStorage } from './storage/storage.js';
import { UserService } from './modules/user/user.service.js';
import { Sealer } from './security/secrets.js';
import { SmsSender } from './sms/sms-sender.js';

/** The services of one running portal, built once at start and handed to resolvers through the context. */
export function createServices(config: Config, db: DataSource) {
  const mailer = new Mailer(config);
  const portal = new PortalService(config);
  const auth = new AuthService(db, config, mailer, new SmsSender(config), Sealer.fromConfig(config.storageKey, config.dataDir), portal);
  const dossiers = new DossierService(db);
  const notifier = new DocumentNotifier(db, mailer, config);
  const storage = new LocalDiskStorage(path.join(config.dataDir, 'files'));
  const documents = new DocumentService(db, config, storage, dossiers, notifier);
  const questionnaires = new QuestionnaireService(db, config, mailer, dossiers, storage);
  dossiers.countOpenActions = (viewer) => questionnaires.countOpen(viewer);
  return { config, db, mailer, portal, auth, users: new UserService(db, auth), dossiers, documents, notifier, storage, messages: new MessageService(db, config, mailer, dossiers, documents), questionnaires };
}

export type Services = ReturnType<typeof createServices>;
