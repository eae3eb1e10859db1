import type { EntityManager } from 'typeorm';
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
