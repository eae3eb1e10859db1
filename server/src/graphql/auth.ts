import type { AuthChecker } from 'type-graphql';
import { getMetadataStorage } from 'type-graphql';
import { forbidden, unauthenticated } from './errors.js';
import type { Context } from './context.js';
import { Role, isStaff } from '../modules/user/user.types.js';

/**
 * What an operation needs, for `@Authorized(...)`. Nothing: a signed-in viewer
 * who finished every sign-in step. SIGNING_IN: any session, whatever its step
 * (the service checks which step). STAFF and ADMIN: that role as well.
 */
export const Access = { SIGNING_IN: 'SIGNING_IN', STAFF: Role.STAFF, ADMIN: Role.ADMIN } as const;

export const authChecker: AuthChecker<Context> = ({ context }, needs) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (needs.includes(Access.SIGNING_IN)) return true;
  if (viewer.step !== 'DONE') throw unauthenticated();
  if (needs.includes(Access.ADMIN) && viewer.user.role !== Role.ADMIN) throw forbidden();
  if (needs.includes(Access.STAFF) && !isStaff(viewer.user.role)) throw forbidden();
  return true;
};

const publicFields = new Set<string>();

/** Marks a root operation as open to anonymous callers; every other one must carry @Authorized. */
export function Public(): MethodDecorator {
  return (target, key) => {
    publicFields.add(`${target.constructor.name}.${String(key)}`);
  };
}

/** Root operations that are neither @Authorized nor @Public: a test keeps this empty. */
export function unguardedOperations(): string[] {
  const storage = getMetadataStorage();
  const authorized = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
  return [...storage.queries, ...storage.mutations, ...storage.subscriptions]
    .map((h) => `${h.target.name}.${h.methodName}`)
    .filter((name) => !authorized.has(name) && !publicFields.has(name));
}
