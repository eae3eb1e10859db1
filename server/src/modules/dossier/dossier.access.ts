import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../graphql/context.js';
import type { User } from '../user/user.entity.js';
import { isStaff } from '../user/user.types.js';

/** What counts and access need of a user. */
export type Reader = Pick<User, 'id' | 'role' | 'mainAccountId'>;

/** The account that holds access: a company's main account stands for its extra accounts. */
export const accessHolderId = (user: Pick<User, 'id' | 'mainAccountId'>) => user.mainAccountId ?? user.id;

/**
 * Limits a query to the dossiers the viewer may see, inside the query itself:
 * staff see the office's dossiers, a client those granted to them or their company.
 */
export function scopeToViewer<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, dossierIdColumn: string, viewer: Viewer): SelectQueryBuilder<T> {
  if (isStaff(viewer.user.role)) return query;
  return query.andWhere(`EXISTS (SELECT 1 FROM dossier_access scope_access WHERE scope_access.dossierId = ${dossierIdColumn} AND scope_access.userId = :scopeHolder)`, {
    scopeHolder: accessHolderId(viewer.user),
  });
}
