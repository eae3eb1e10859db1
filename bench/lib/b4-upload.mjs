// B4: MB/s of a large upload through publishDocument (GraphQL multipart) against raw busboy-to-disk; server RSS growth.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startRaw } from './proc.mjs';

const MB = 1024 * 1024;

function sampleFile(mb) {
  const file = path.join(os.tmpdir(), `kluis-bench-${mb}mb.pdf`);
  if (fs.existsSync(file) && fs.statSync(file).size === mb * MB) return file;
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  let left = mb * MB - 15;
  while (left > 0) left -= fs.writeSync(fd, randomBytes(Math.min(left, 4 * MB)));
  fs.closeSync(fd);
  return file;
}

function upload(url, cookie, file, dossierId) {
  const boundary = `----kluisbench${randomBytes(8).toString('hex')}`;
  const operations = JSON.stringify({
    query: 'mutation($input: PublishDocumentInput!) { publishDocument(input: $input) { id size } }',
    variables: { input: { dossierId, category: 'DOCUMENT', title: 'Bench upload', file: null } },
  });
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.file"]}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = fs.statSync(file).size;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length, cookie, 'apollo-require-preflight': 'true' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        const seconds = (performance.now() - t0) / 1000;
        if (!body.includes(`"size":${size}`)) return reject(new Error(`upload failed: ${body.slice(0, 300)}`));
        resolve(size / MB / seconds);
      });
    });
    req.on('error', reject);
    req.write(head);
    const stream = fs.createReadStream(file);
    stream.on('data', (c) => req.write(c) || (stream.pause(), req.once('drain', () => stream.resume())));
    stream.on('end', () => req.end(tail));
  });
}

export default async function b4({ results, api, sessions, firstDossier, interleaved, summary, log, scale, round2 }) {
  const mb = Number(process.env.BENCH_UPLOAD_MB ?? (scale >= 1 ? 200 : 50));
  const file = sampleFile(mb);
  const raw = await startRaw('raw-upload.mjs');
  let rssGrowth = 0;
  const viaApi = async () => {
    const before = api.rss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, api.rss())), 20);
    try {
      return { mbps: await upload(api.url, sessions.staff, file, firstDossier) };
    } finally {
      clearInterval(timer);
      rssGrowth = Math.max(rssGrowth, peak - before);
    }
  };
  const viaRaw = async () => ({ mbps: await upload(raw.url, '', file, firstDossier) });
  const { a, b } = await interleaved(viaApi, viaRaw);
  await raw.stop();
  const fig = {
    uploadMB: mb,
    apiMBps: summary(a, 'mbps'),
    rawMBps: summary(b, 'mbps'),
    apiMBpsPerRound: a.map((r) => round2(r.mbps)),
    rawMBpsPerRound: b.map((r) => round2(r.mbps)),
    rssGrowthMB: round2(rssGrowth / 1024 / 1024),
  };
  fig.ratio = round2(fig.apiMBps / fig.rawMBps);
  fig.goal = 'ratio >= 0.7, RSS growth < 64 MB';
  fig.met = fig.ratio >= 0.7 && fig.rssGrowthMB < 64;
  results.figures.B4 = fig;
  log(`B4 ${mb} MB upload: API ${fig.apiMBps} MB/s, raw busboy ${fig.rawMBps} MB/s, ratio ${fig.ratio}; server RSS growth ${fig.rssGrowthMB} MB`);
}
