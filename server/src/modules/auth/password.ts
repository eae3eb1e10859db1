import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../../graphql/errors.js';

/** The 10,000 most used passwords (zxcvbn's frequency-ranked list), compared case-insensitively. */
const common = new Set((dictionary['passwords-common'] as string[]).slice(0, 10_000));

export type PasswordRule = 'TOO_SHORT' | 'TOO_LONG' | 'NO_CAPITAL' | 'NO_DIGIT' | 'TOO_COMMON';

const rules: [PasswordRule, (p: string) => boolean, string][] = [
  ['TOO_SHORT', (p) => [...p].length >= 8, 'The password needs at least 8 characters'],
  ['TOO_LONG', (p) => [...p].length <= 128, 'The password may have at most 128 characters'],
  ['NO_CAPITAL', (p) => /\p{Lu}/u.test(p), 'The password needs a capital letter'],
  ['NO_DIGIT', (p) => /\p{Nd}/u.test(p), 'The password needs a digit'],
  ['TOO_COMMON', (p) => !common.has(p.toLowerCase()), 'This password is too common; choose another'],
];

/** Throws BAD_USER_INPUT (field `password`, reason = the rule) for the first rule the password breaks. */
export function checkPassword(password: string, field = 'password'): void {
  for (const [reason, holds, message] of rules) if (!holds(password)) throw badInput(field, message, reason);
}

/** argon2id with OWASP's parameters (19 MiB, 2 iterations); hashing runs off the event loop. */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most one argon2 computation at a time, the rest queued: a burst of sign-ins
 * would otherwise take every core (libuv runs four at once) and stall all other
 * requests (bench B6).
 */
let argonQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = argonQueue.then(work, work);
  argonQueue = result.catch(() => undefined);
  return result;
}

export const hashPassword = (password: string) => oneAtATime(() => argon2.hash(password, options));

let decoy: Promise<string> | undefined;
/** Verifies, or spends the same time on a decoy hash when there is no user, so timing tells nothing. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy-password-for-timing').catch((error: unknown) => {
    decoy = undefined;
    throw error;
  });
  const target = hash ?? (await decoy);
  const ok = await oneAtATime(() => argon2.verify(target, password)).catch(() => false);
  return ok && !!hash;
}
