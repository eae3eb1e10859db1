import net, { type AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, errorOf, postUpload } from '../client.js';
import { startSmtp } from '../fakes.js';
import { startTestServer, type TestServer } from '../server.js';
import { onboardWithTotp, type Smtp } from '../accounts/onboarding.js';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A loopback clamd: answers INSTREAM like the real daemon, finding the EICAR test string. */
async function startFakeClamd() {
  let scanned = 0;
  let down = false;
  const server = net.createServer((socket) => {
    if (down) return void socket.destroy();
    let received = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.subarray(-4).equals(Buffer.alloc(4))) {
        scanned++;
        socket.end(received.includes(Buffer.from('EICAR-STANDARD')) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    scanned: () => scanned,
    setDown: (value: boolean) => (down = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: TestServer;
let smtp: Smtp;
let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
let staff: Client;
let dossierId: string;

const publish = async (name: string, body: string) =>
  (
    await postUpload(
      server.url,
      { query: 'mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { id fileName } }', variables: { input: { dossierId, category: 'DOCUMENT', title: name, file: null } } },
      { 'variables.input.file': { name, type: 'text/plain', body } },
      { cookie: staff.cookie },
    )
  ).body;
const filesOnDisk = () => {
  const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [e.name])) : []);
  return walk(path.join(server.dataDir, 'files')).length;
};

beforeAll(async () => {
  smtp = await startSmtp();
  clamd = await startFakeClamd();
  server = await startTestServer({ SMTP_URL: smtp.url, BOOTSTRAP_ADMIN_EMAIL: 'notaris@kantoor.test', CLAMD_HOST: clamd.host });
  ({ client: staff } = await onboardWithTotp(server, smtp, 'notaris@kantoor.test'));
  dossierId = (await staff.ok('mutation { createDossier(input: { number: "2026.0001", description: "Scan" }) { id } }')).createDossier.id;
});
afterAll(async () => {
  await server?.close();
  await clamd?.close();
  await smtp?.close();
});

describe('virus scanner hook (CLAMD_HOST)', () => {
  it('scans every upload, keeps clean files and refuses a hit without keeping it', async () => {
    expect((await publish('notitie.txt', 'Gewone tekst')).data.publishDocument.fileName).toBe('notitie.txt');
    expect(clamd.scanned()).toBe(1);
    const before = filesOnDisk();
    expect(errorOf(await publish('eicar.txt', EICAR))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'INFECTED' });
    expect(filesOnDisk()).toBe(before);
  });

  it('refuses uploads while the scanner cannot answer, with a retryable error', async () => {
    clamd.setDown(true);
    try {
      const before = filesOnDisk();
      expect(errorOf(await publish('notitie.txt', 'Nog een tekst'))?.code).toBe('SERVICE_UNAVAILABLE');
      expect(filesOnDisk()).toBe(before);
    } finally {
      clamd.setDown(false);
    }
  });
});
