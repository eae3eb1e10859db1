import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { paginate, type Connection } from '../../graphql/pagination.js';
import { scopeToViewer } from '../dossier/dossier.access.js';
import { isStaff } from '../user/user.types.js';
import { AuditEvent } from './audit-event.entity.js';

export type AuditAction =
  | 'SIGN_IN'
  | 'SIGN_IN_FAILED'
  | 'SIGN_OUT'
  | 'PASSWORD_SET'
  | 'PASSWORD_CHANGED'
  | 'SECOND_FACTOR_ADDED'
  | 'SECOND_FACTOR_REMOVED'
  | 'SECOND_FACTOR_FAILED'
  | 'RECOVERY_CODES_REGENERATED'
  | 'INVITATION_SENT'
  | 'TERMS_ACCEPTED'
  | 'EXTRA_ACCOUNT_ADDED'
  | 'EXTRA_ACCOUNT_REMOVED'
  | 'DOSSIER_CREATED'
  | 'DOSSIER_UPDATED'
  | 'ACCESS_GRANTED'
  | 'ACCESS_REVOKED'
  | 'PROGRESS_CHANGED'
  | 'DOCUMENT_PUBLISHED'
  | 'DOCUMENT_READ'
  | 'DOCUMENT_DOWNLOADED'
  | 'MESSAGE_SENT'
  | 'MESSAGE_READ'
  | 'API_TOKEN_CREATED'
  | 'API_TOKEN_REVOKED'
  | 'QUESTIONNAIRE_SENT'
  | 'QUESTIONNAIRE_STARTED'
  | 'QUESTIONNAIRE_COMPLETED';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subjectId?: string | null;
  dossierId?: string | null;
  ip?: string | null;
}

/** Writes in the caller's transaction, so an event exists exactly when its change does. */
export async function audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.save(manager.create(AuditEvent, { actorId: null, subjectId: null, dossierId: null, ip: null, ...entry }));
}

export interface AuditFilter {
  dossierId?: string | null;
  action?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The audit trail, newest first. Staff see every event; a client only the events
 * of the dossiers they (or their company) can see, such as who at the office
 * read or downloaded what. Events without a dossier (sign-ins, invitations) are the office's.
 */
export function listAuditEvents(db: DataSource, viewer: Viewer, filter: AuditFilter): Promise<Connection<AuditEvent>> {
  if (filter.action != null && !/^[A-Z][A-Z_]{0,39}$/.test(filter.action)) throw badInput('action', 'An action is written in capitals, e.g. DOCUMENT_DOWNLOADED');
  const query = db.getRepository(AuditEvent).createQueryBuilder('e');
  if (!isStaff(viewer.user.role)) query.where('e.dossierId IS NOT NULL');
  scopeToViewer(query, 'e.dossierId', viewer);
  if (filter.dossierId) query.andWhere('e.dossierId = :dossierId', { dossierId: filter.dossierId });
  if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
  return paginate(query, 'e', filter);
}
