import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Polls until `count()` reaches `at least`; usable in hooks as well as tests. */
async function waitUntil(count: () => number, atLeast: number, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (count() < atLeast) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface CapturedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a random port that keeps every message it receives. */
export async function startSmtp() {
  const mails: CapturedMail[] = [];
  /** `down`: every connection is turned away with 421 (try later); addresses in `refused` get 550 (never). */
  const state = { down: false, refused: new Set<string>(), attempts: 0 };
  const reply = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onConnect(_session, callback) {
      state.attempts++;
      callback(state.down ? reply(421, 'Service not available, try again later') : undefined);
    },
    onRcptTo(address, _session, callback) {
      callback(state.refused.has(address.address) ? reply(550, 'No such user here') : undefined);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    state,
    /** Waits for the next e-mail to this address and returns the token of its link, if any. */
    async waitFor(to: string, count = 1): Promise<CapturedMail & { token?: string }> {
      await waitUntil(() => mails.filter((m) => m.to.includes(to)).length, count, `e-mail ${count} to ${to}`);
      const mail = mails.filter((m) => m.to.includes(to))[count - 1]!;
      return { ...mail, token: /[?&]token=([\w-]+)/.exec(mail.raw)?.[1] };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SentSms {
  to: string;
  from: string;
  text: string;
  clientRef?: string;
}

/** A loopback fake of Vonage's SMS REST API (POST /sms/json), as the real SDK calls it. */
export async function startVonageFake() {
  const sent: SentSms[] = [];
  /** `down`: every request gets HTTP 500. */
  const state = { down: false, attempts: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      state.attempts++;
      if (state.down) return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      const auth = req.headers.authorization ?? '';
      if (req.method !== 'POST' || req.url !== '/sms/json' || !auth.startsWith('Basic ')) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      const params = req.headers['content-type']?.includes('json') ? JSON.parse(body) : Object.fromEntries(new URLSearchParams(body));
      sent.push({ to: params.to, from: params.from, text: params.text, clientRef: params['client-ref'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ 'message-count': '1', messages: [{ to: params.to, 'message-id': `m${sent.length}`, status: '0', 'remaining-balance': '10.0', 'message-price': '0.05', network: '20416' }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    state,
    env: { VONAGE_API_KEY: 'test-key', VONAGE_API_SECRET: 'test-secret', VONAGE_FROM: 'Kluis', VONAGE_REST_HOST: `http://127.0.0.1:${port}` },
    /** The 6-digit code of the latest SMS to this number. */
    async codeFor(to: string, count = 1): Promise<string> {
      await waitUntil(() => sent.filter((s) => `+${s.to.replace(/^\+/, '')}` === to).length, count, `SMS ${count} to ${to}`);
      const sms = sent.filter((s) => `+${s.to.replace(/^\+/, '')}` === to)[count - 1]!;
      return /\b(\d{6})\b/.exec(sms.text)![1]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends a sign-in SMS code with `send` and returns it from DATA_DIR/outbox (no Vonage configured) once it is written. */
export async function smsCodeFromOutbox(dataDir: string, send: () => Promise<unknown>): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sms.txt')) : []);
  const before = new Set(files());
  await send();
  await waitUntil(() => files().filter((f) => !before.has(f)).length, 1, 'an SMS in the outbox');
  const file = files().find((f) => !before.has(f))!;
  return /\b(\d{6})\b/.exec(fs.readFileSync(path.join(dir, file), 'utf8'))![1]!;
}
