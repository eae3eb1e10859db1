import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sealer } from '../../src/security/secrets.js';
import { LocalDiskStorage } from '../../src/storage/storage.js';
import { Client, postUpload } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { onboardWithTotp, type Smtp } from '../accounts/onboarding.js';

const PDF = Buffer.from('%PDF-1.7\nVertrouwelijke akte van levering\n%%EOF\n');
const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-enc-'));
const onDisk = (root: string, key: string) => fs.readFileSync(path.join(root, key.slice(0, 2), key));

describe('files at rest', () => {
  const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];

  it('encrypts under STORAGE_KEY with AES-256-GCM and reads back the same bytes', async () => {
    const root = dir();
    const storage = new LocalDiskStorage(root, [oldKey]);
    const stored = await storage.write(Readable.from([PDF]));
    expect(stored).toMatchObject({ size: PDF.length, mimeType: 'application/pdf' });
    const raw = onDisk(root, stored.key);
    expect(raw.includes(Buffer.from('Vertrouwelijke'))).toBe(false);
    expect(raw.length).toBe(PDF.length + 20 + 16);
    expect(await text(storage.read(stored.key))).toBe(PDF.toString());
    const empty = await storage.write(Readable.from([Buffer.alloc(0)]));
    expect(await text(storage.read(empty.key))).toBe('');
  });

  it('refuses a tampered file, and a file whose key is not configured', async () => {
    const root = dir();
    const storage = new LocalDiskStorage(root, [oldKey]);
    const { key } = await storage.write(Readable.from([PDF]));
    const file = path.join(root, key.slice(0, 2), key);
    const raw = fs.readFileSync(file);
    raw[25] = raw[25]! ^ 1;
    fs.writeFileSync(file, raw);
    await expect(text(storage.read(key))).rejects.toThrow();
    const other = await new LocalDiskStorage(root, [oldKey]).write(Readable.from([PDF]));
    await expect(text(new LocalDiskStorage(root, [newKey]).read(other.key))).rejects.toThrow(/not configured/);
  });

  it('rotates: the previous key still opens old files, and re-encryption moves them to the new key', async () => {
    const root = dir();
    const plain = await new LocalDiskStorage(root).write(Readable.from([PDF]));
    const old = await new LocalDiskStorage(root, [oldKey]).write(Readable.from([PDF]));
    const rotating = new LocalDiskStorage(root, [newKey, oldKey]);
    expect(await text(rotating.read(old.key))).toBe(PDF.toString());
    expect(await text(rotating.read(plain.key))).toBe(PDF.toString());
    for await (const key of rotating.keysOnDisk()) await rotating.reencrypt(key);
    const rotated = new LocalDiskStorage(root, [newKey]);
    expect(await text(rotated.read(old.key))).toBe(PDF.toString());
    expect(await text(rotated.read(plain.key))).toBe(PDF.toString());
    expect(onDisk(root, plain.key).includes(Buffer.from('Vertrouwelijke'))).toBe(false);
  });

  it('opens secrets sealed under a previous key', () => {
    const sealed = Sealer.fromConfig(oldKey, dir()).seal('JBSWY3DPEHPK3PXP');
    expect(Sealer.fromConfig(newKey, dir(), [oldKey]).open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => Sealer.fromConfig(newKey, dir()).open(sealed)).toThrow();
  });
});

describe('clean-up after a crash', () => {
  it('removes old temporary files and old files no row claims, and leaves fresh uploads in flight alone', async () => {
    const root = dir();
    const storage = new LocalDiskStorage(root);
    const [claimed, orphan, fresh] = [await storage.write(Readable.from([PDF])), await storage.write(Readable.from([PDF])), await storage.write(Readable.from([PDF]))];
    const tmp = path.join(root, '.tmp', 'half-written');
    fs.writeFileSync(tmp, 'half');
    const hourAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const file of [tmp, ...[claimed, orphan].map((f) => path.join(root, f.key.slice(0, 2), f.key))]) fs.utimesSync(file, hourAgo, hourAgo);
    const removed = await storage.sweep(async (keys) => new Set(keys.filter((k) => k === claimed.key)));
    expect(removed).toBe(2);
    expect(fs.existsSync(tmp)).toBe(false);
    expect(fs.existsSync(path.join(root, orphan.key.slice(0, 2), orphan.key))).toBe(false);
    expect(await text(storage.read(claimed.key))).toBe(PDF.toString());
    expect(await text(storage.read(fresh.key))).toBe(PDF.toString());
  });
});

describe('a portal with STORAGE_KEY', () => {
  let server: TestServer;
  let smtp: Smtp;
  let staff: Client;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', STORAGE_KEY: randomBytes(32).toString('hex') });
    ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('stores uploads encrypted, serves them decrypted, and seals TOTP secrets', async () => {
    const me = (await staff.ok('{ me { id } }')).me.id;
    const dossier = (await staff.ok('mutation { createDossier(input: { number: "2026.0001", description: "Versleuteld" }) { id } }')).createDossier.id;
    const { body: published } = await postUpload(
      server.url,
      { query: 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id } }', variables: { input: { dossierId: dossier, category: 'DOCUMENT', title: 'Akte', file: null } } },
      { 'variables.input.file': { name: 'akte.pdf', type: 'application/pdf', body: PDF } },
      { cookie: staff.cookie },
    );
    const id = published.data.publishDocument.id;
    const download = await fetch(`${server.url}/files/${id}`, { headers: { cookie: staff.cookie } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    const [{ storageKey }] = await server.db.query('SELECT storageKey FROM document WHERE id = ?', [id]);
    expect(onDisk(path.join(server.dataDir, 'files'), storageKey).includes(Buffer.from('Vertrouwelijke'))).toBe(false);
    const [{ totpSecret }] = await server.db.query('SELECT totpSecret FROM user WHERE id = ?', [me]);
    expect(totpSecret).toMatch(/^v1\./);
  });
});
