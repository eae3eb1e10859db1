import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Geheim123!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Geheim123!')).toBe(true);
    expect(await verifyPassword(hash, 'geheim123!')).toBe(false);
    expect(await verifyPassword(null, 'Geheim123!')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Geheim123!')).toBe(false);
  });

  it('answers many calls at once, in any order', async () => {
    const hash = await hashPassword('Geheim123!');
    const guesses = ['Geheim123!', 'fout', 'Geheim123!', 'ook fout'];
    expect(await Promise.all(guesses.map((guess) => verifyPassword(hash, guess)))).toEqual([true, false, true, false]);
  });
});
