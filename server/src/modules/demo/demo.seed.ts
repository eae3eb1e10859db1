import type { Services } from '../../services.js';
import { logger } from '../../logger.js';
import { hashPassword } from '../auth/password.js';
import { User } from '../user/user.entity.js';
import { AccountKind, Gender, Language, Role } from '../user/user.types.js';

export const DEMO_PASSWORD = 'Kluis-Demo-2026';

/** Fills an empty database with a demo office; the log says how to sign in. */
export async function seedDemoData({ db, portal, config }: Services): Promise<void> {
  if (await db.getRepository(User).exists()) return;
  const terms = await portal.terms();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const person = (fields: Partial<User>) =>
    db.getRepository(User).create({ passwordHash, termsAcceptedVersion: terms?.version ?? null, language: Language.NL, gender: Gender.UNKNOWN, accountKind: AccountKind.PERSON, ...fields });
  const users = await db.getRepository(User).save([
    person({ email: 'notaris@demo.kluis.test', role: Role.ADMIN, initials: 'J.', firstName: 'Joris', infix: 'de', lastName: 'Vries', gender: Gender.MALE, phone: '+31600000001' }),
    person({ email: 'medewerker@demo.kluis.test', role: Role.STAFF, initials: 'S.', firstName: 'Sanne', lastName: 'Bakker', gender: Gender.FEMALE, phone: '+31600000002' }),
    person({ email: 'klant@demo.kluis.test', role: Role.CLIENT, initials: 'A.M.', firstName: 'Anna', infix: 'van', lastName: 'Dijk', gender: Gender.FEMALE, phone: '+31612345678' }),
    person({ email: 'bedrijf@demo.kluis.test', role: Role.CLIENT, accountKind: AccountKind.COMPANY, companyName: 'Bakkerij Jansen B.V.', initials: 'P.', firstName: 'Pieter', lastName: 'Jansen', phone: '+31687654321' }),
  ]);
  const sms = config.vonage ? 'the code arrives by SMS' : 'the SMS code is written to the log (DATA_DIR/outbox)';
  logger.info(
    { accounts: users.map((u) => ({ email: u.email, role: u.role, phone: u.phone })), password: DEMO_PASSWORD },
    `Demo data added. Sign in at ${config.publicUrl} as klant@demo.kluis.test (client) or notaris@demo.kluis.test (admin) with password ${DEMO_PASSWORD}; the second factor is SMS: ${sms}.`,
  );
}
