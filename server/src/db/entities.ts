import { ApiToken } from '../modules/api-token/api-token.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Challenge, FailedAttempt, LinkToken, RecoveryCode } from '../modules/auth/auth.entities.js';
import { Session } from '../modules/auth/session.entity.js';
import { Document, DocumentRead } from '../modules/document/document.entity.js';
import { Dossier, DossierAccess, ProgressStep } from '../modules/dossier/dossier.entity.js';
import { Message, MessageRead } from '../modules/message/message.entity.js';
import { QuestionnaireAnswer, QuestionnaireRequest, QuestionnaireTemplate } from '../modules/questionnaire/questionnaire.entity.js';
import { User } from '../modules/user/user.entity.js';
import { OutboxItem } from '../outbox/outbox.entity.js';
import { Tally } from './tally.js';

/** Every entity, listed once: the data source and the migration generator read this. */
export const entities = [User, Session, LinkToken, RecoveryCode, Challenge, FailedAttempt, AuditEvent, ApiToken, Dossier, DossierAccess, ProgressStep, Document, DocumentRead, Message, MessageRead, QuestionnaireTemplate, QuestionnaireRequest, QuestionnaireAnswer, OutboxItem, Tally];
