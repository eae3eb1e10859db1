import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A URL-safe random token of 256 bits, for links and sessions. */
export const randomToken = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomDigits = (length: number) => Array.from({ length }, () => randomInt(10)).join('');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * AES-256-GCM sealing for secrets kept in the database (TOTP secrets). The key is
 * STORAGE_KEY when set, else a key file created once in DATA_DIR.
 */
export class Sealer {
  /** Seals with the first key; opens with any, so previous keys keep working during a rotation. */
  private constructor(private readonly keys: Buffer[]) {}

  static fromConfig(storageKey: Buffer | undefined, dataDir: string, previousKeys: Buffer[] = []): Sealer {
    if (storageKey) return new Sealer([storageKey, ...previousKeys]);
    const file = path.join(dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return new Sealer([Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'), ...previousKeys]);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys[0]!, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed value');
    for (const key of this.keys) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // sealed under another key
      }
    }
    throw new Error('no configured key opens this sealed value (STORAGE_KEY / STORAGE_KEY_PREVIOUS)');
  }
}
