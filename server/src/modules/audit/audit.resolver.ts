import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { User } from '../user/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { listAuditEvents } from './audit.service.js';

const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEventConnection, { description: 'Staff see all; a client sees the events of the dossiers they can see.' })
  auditEvents(
    @Ctx() { services, viewer }: Context,
    @Arg('dossierId', () => ID, { nullable: true }) dossierId?: string | null,
    @Arg('action', () => String, { nullable: true, description: 'One action, e.g. DOCUMENT_DOWNLOADED.' }) action?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return listAuditEvents(services.db, viewer!, { dossierId, action, first, after });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AuditEvent, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, event.actorId);
  }
}
