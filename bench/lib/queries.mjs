/** The PWA's dossier list (pwa/src/composables/dossier/useDossiers.ts). */
export const DOSSIERS = `query Dossiers($first: Int) { dossiers(first: $first) { totalCount edges { node { id number description status updatedAt progress { done total } counts { correspondence { total unread } documents { total unread } provided { total unread } messages { total unread } } } } pageInfo { hasNextPage endCursor } } }`;
/** One dossier's messages, newest first. */
export const MESSAGES = `query DossierMessages($id: ID!, $first: Int) { dossier(id: $id) { messages(first: $first) { totalCount edges { cursor node { id subject body createdAt direction read automatic } } pageInfo { hasNextPage endCursor } } } }`;
