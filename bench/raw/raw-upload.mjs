// The raw baseline of B4: busboy parses a multipart upload straight to disk.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-raw-upload-'));
process.on('SIGTERM', () => (fs.rmSync(dir, { recursive: true, force: true }), process.exit(0)));

http
  .createServer((req, res) => {
    if (req.url === '/ready') return res.end('ok');
    const bb = busboy({ headers: req.headers });
    const writes = [];
    bb.on('file', (_name, stream) => {
      const file = path.join(dir, `${Date.now()}-${Math.random()}`);
      writes.push(pipeline(stream, fs.createWriteStream(file)).then(() => fs.promises.stat(file)).then((s) => (fs.rmSync(file), s.size)));
    });
    bb.on('close', async () => {
      const sizes = await Promise.all(writes);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { publishDocument: { size: sizes[0] } } }));
    });
    req.pipe(bb);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
