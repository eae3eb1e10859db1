import type { NonEmptyArray } from 'type-graphql';
import { ApiTokenResolver } from '../modules/api-token/api-token.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { DocumentResolver } from '../modules/document/document.resolver.js';
import { DossierResolver } from '../modules/dossier/dossier.resolver.js';
import { DossierMessagesResolver, MessageResolver } from '../modules/message/message.resolver.js';
import { DossierQuestionnairesResolver, QuestionnaireResolver } from '../modules/questionnaire/questionnaire.resolver.js';
import { PortalResolver } from '../modules/portal/portal.resolver.js';
import { UserResolver } from '../modules/user/user.resolver.js';

/** Every resolver class, listed once. */
export const resolvers: NonEmptyArray<Function> = [PortalResolver, AuthResolver, UserResolver, DossierResolver, DocumentResolver, AuditResolver, ApiTokenResolver, MessageResolver, DossierMessagesResolver, QuestionnaireResolver, DossierQuestionnairesResolver];
