import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ErrorCode, callerOf, logRefusal } from '../../graphql/errors.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { isStaff } from '../user/user.types.js';
import { User } from '../user/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { listAuditEvents } from './audit.service.js';

const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEventConnection, { description: 'Staff see all; a client sees the events of the dossiers they can see.' })
  async auditEvents(
    @Ctx() ctx: Context,
    @Arg('dossierId', () => ID, { nullable: true }) dossierId?: string | null,
    @Arg('action', () => String, { nullable: true, description: 'One action, e.g. DOCUMENT_DOWNLOADED.' }) action?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    const { services, viewer } = ctx;
    if (dossierId && !isStaff(viewer!.user.role) && !(await services.dossiers.find(viewer!, dossierId))) logRefusal(ErrorCode.NOT_FOUND, ['auditEvents'], callerOf(ctx));
    return listAuditEvents(services.db, viewer!, { dossierId, action, first, after });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: AuditEvent, @Ctx() { services, loaders }: Context) {
    return services.dossiers.user(loaders, event.actorId);
  }
}
