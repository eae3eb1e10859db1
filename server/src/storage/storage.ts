import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
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

export class LocalDiskStorage implements FileStorage {
  private readonly tmpDir: string;

  constructor(private readonly dir: string) {
    this.tmpDir = path.join(dir, '.tmp');
    fs.mkdirSync(this.tmpDir, { recursive: true });
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
      await pipeline(source, measure, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
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
    return fs.createReadStream(this.pathOf(key));
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
