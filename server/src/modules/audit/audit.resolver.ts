import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, paginate } from '../../graphql/pagination.js';
import { scopeToViewer } from '../dossier/dossier.access.js';
import { User } from '../user/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';

const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEventConnection, { description: 'Staff see all; a client sees the events of the dossiers they can see.' })
  auditEvents(
    @Ctx() { services, viewer }: Context,
    @Arg('dossierId', () => ID, { nullable: true }) dossierId?: string | null,
    @Arg('action', () => String, { nullable: true }) action?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const query = services.db.getRepository(AuditEvent).createQueryBuilder('e');
    // A client's view is limited to events of their dossiers; events without a dossier are the office's.
    if (viewer!.user.role === 'CLIENT') query.where('e.dossierId IS NOT NULL');
    scopeToViewer(query, 'e.dossierId', viewer!);
    if (dossierId) query.andWhere('e.dossierId = :dossierId', { dossierId });
    if (action) query.andWhere('e.action = :action', { action });
    return paginate(query, 'e', { first, after });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AuditEvent, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, event.actorId);
  }
}
