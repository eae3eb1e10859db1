import { registerEnumType } from 'type-graphql';

export enum DocumentCategory { CORRESPONDENCE = 'CORRESPONDENCE', DOCUMENT = 'DOCUMENT', PROVIDED = 'PROVIDED' }
registerEnumType(DocumentCategory, {
  name: 'DocumentCategory',
  description: 'The three document tabs of a dossier: published letters and e-mails, other published documents, and what the client provided.',
});
