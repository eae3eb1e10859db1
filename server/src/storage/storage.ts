import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID, type DecipherGCM } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** Sniffed from the first bytes, never taken from the client. */
  mimeType: string;
}

/** Where file bytes live; the local disk now, a shared or object store later. */
export interface FileStorage {
  /** Streams into storage; on any error nothing remains. */
  write(source: Readable): Promise<StoredFile>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
  sweep(isClaimed: (keys: string[]) => Promise<Set<string>>, graceMs?: number): Promise<number>;
}

const SNIFF_BYTES = 4100;

async function sniff(head: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  const text = head.subarray(0, 1024);
  // Valid UTF-8 without NUL or other control bytes (bar tab, CR, LF) reads as plain text.
  const decodes = (() => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(text.subarray(0, Math.max(0, text.length - 4)));
      return true;
    } catch {
      return false;
    }
  })();
  return decodes && !/[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(text.toString('latin1')) ? 'text/plain' : 'application/octet-stream';
}

/**
 * Encrypted files: MAGIC, the key's id, a random IV, AES-256-GCM ciphertext, then the 16-byte tag.
 * The key id lets a previous key still open older files while a rotation runs.
 */
const MAGIC = Buffer.from('KLE1');
const HEADER = MAGIC.length + 4 + 12;
const TAG = 16;
const keyId = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, 4);

function encryptor(key: Buffer): Transform {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  let header: Buffer | null = Buffer.concat([MAGIC, keyId(key), iv]);
  const withHeader = (chunk: Buffer) => {
    const out = header ? Buffer.concat([header, chunk]) : chunk;
    header = null;
    return out;
  };
  return new Transform({
    transform: (chunk: Buffer, _enc, done) => done(null, withHeader(cipher.update(chunk))),
    flush(done) {
      this.push(withHeader(cipher.final()));
      this.push(cipher.getAuthTag());
      done();
    },
  });
}

export class LocalDiskStorage implements FileStorage {
  private readonly tmpDir: string;

  /** With keys, new files are encrypted under the first; every key opens the files it wrote. */
  constructor(
    private readonly dir: string,
    private readonly keys: Buffer[] = [],
  ) {
    this.tmpDir = path.join(dir, '.tmp');
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  /** Every stored key, for start-up checks and key rotation. */
  async *keysOnDisk(): AsyncGenerator<string> {
    for (const shard of await fs.promises.readdir(this.dir, { withFileTypes: true })) {
      if (!shard.isDirectory() || shard.name === '.tmp') continue;
      for (const file of await fs.promises.readdir(path.join(this.dir, shard.name))) yield file;
    }
  }

  /**
   * Removes what a crash left behind: temporary uploads, and stored files that no row claims.
   * Only files older than `graceMs`, so uploads in flight in other processes are left alone.
   */
  async sweep(isClaimed: (keys: string[]) => Promise<Set<string>>, graceMs = 60 * 60_000): Promise<number> {
    const before = Date.now() - graceMs;
    const old = async (file: string) => {
      const stat = await fs.promises.stat(file).catch(() => null);
      return !!stat && stat.mtimeMs < before;
    };
    let removed = 0;
    for (const tmp of await fs.promises.readdir(this.tmpDir)) {
      if (await old(path.join(this.tmpDir, tmp))) removed += await fs.promises.rm(path.join(this.tmpDir, tmp), { force: true }).then(() => 1);
    }
    let batch: string[] = [];
    const flush = async () => {
      const claimed = await isClaimed(batch);
      for (const key of batch) if (!claimed.has(key) && (await old(this.pathOf(key)))) removed += await this.remove(key).then(() => 1);
      batch = [];
    };
    for await (const key of this.keysOnDisk()) {
      if (!/^[0-9a-f-]{36}$/.test(key)) continue;
      batch.push(key);
      if (batch.length === 500) await flush();
    }
    await flush();
    return removed;
  }

  /** Rewrites a file under the current key (a no-op without keys); for key rotation. */
  async reencrypt(key: string): Promise<void> {
    const tmp = path.join(this.tmpDir, `${randomUUID()}`);
    try {
      const target = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      await (this.keys[0] ? pipeline(this.read(key), encryptor(this.keys[0]), target) : pipeline(this.read(key), target));
      await fs.promises.rename(tmp, this.pathOf(key));
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  }

  private pathOf(key: string) {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async write(source: Readable): Promise<StoredFile> {
    const key = randomUUID();
    const tmp = path.join(this.tmpDir, key);
    const hash = createHash('sha256');
    let size = 0;
    const heads: Buffer[] = [];
    let headLength = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        if (headLength < SNIFF_BYTES) {
          heads.push(chunk);
          headLength += chunk.length;
        }
        done(null, chunk);
      },
    });
    try {
      const file = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      await (this.keys[0] ? pipeline(source, measure, encryptor(this.keys[0]), file) : pipeline(source, measure, file));
      const target = this.pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(tmp, target);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest('hex'), mimeType: await sniff(Buffer.concat(heads).subarray(0, SNIFF_BYTES)) };
  }

  read(key: string): Readable {
    const out = new PassThrough();
    this.open(this.pathOf(key), out).catch((err) => out.destroy(err));
    return out;
  }

  /** Streams the plain bytes; a tampered encrypted file fails at its end, when the tag is checked. */
  private async open(file: string, out: PassThrough): Promise<void> {
    const handle = await fs.promises.open(file, 'r');
    let decipher: DecipherGCM | null = null;
    let size = 0;
    try {
      size = (await handle.stat()).size;
      const header = Buffer.alloc(HEADER);
      const { bytesRead } = await handle.read(header, 0, HEADER, 0);
      if (bytesRead === HEADER && header.subarray(0, MAGIC.length).equals(MAGIC)) {
        const id = header.subarray(MAGIC.length, MAGIC.length + 4);
        const key = this.keys.find((k) => keyId(k).equals(id));
        if (key && size >= HEADER + TAG) {
          decipher = createDecipheriv('aes-256-gcm', key, header.subarray(MAGIC.length + 4));
          const tag = Buffer.alloc(TAG);
          await handle.read(tag, 0, TAG, size - TAG);
          decipher.setAuthTag(tag);
        } else if (this.keys.length) {
          throw new Error('this file was encrypted with a key that is not configured (STORAGE_KEY / STORAGE_KEY_PREVIOUS)');
        }
      }
    } finally {
      await handle.close();
    }
    if (!decipher) return pipeline(fs.createReadStream(file), out);
    if (size === HEADER + TAG) return void out.end(decipher.final());
    return pipeline(fs.createReadStream(file, { start: HEADER, end: size - TAG - 1 }), decipher, out);
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

/** A display name that is safe anywhere: no path, no control characters, no markup-significant characters. */
export function cleanFileName(name: string | undefined | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  return [...(cleaned || 'document')].slice(0, 200).join('');
}
