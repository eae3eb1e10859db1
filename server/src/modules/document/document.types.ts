import { registerEnumType } from 'type-graphql';

export enum DocumentCategory { CORRESPONDENCE = 'CORRESPONDENCE', DOCUMENT = 'DOCUMENT', PROVIDED = 'PROVIDED' }
registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  description: 'The three document tabs of a dossier: published letters and e-mails, other published documents, and what the client provided.',
});

/** Documents that show in a dossier tab (alias `doc`): the office's message attachments show only with their message. */
export const SHOWN_IN_TAB = `(doc.messageId IS NULL OR doc.category = '${DocumentCategory.PROVIDED}')`;
