// A small closed-loop load generator on node:http with keep-alive: `connections`
// requests in flight, for `durationMs` or `requests` in total, latencies in ms.
import http from 'node:http';

export function request(url, { method = 'GET', headers = {}, body } = {}, agent) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `make()` gives { url, method, headers, body } for each request; `check(res)` throws on a wrong answer. */
export async function load({ make, connections = 8, durationMs, requests, check }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const more = () => (requests ? sent < requests : performance.now() - started < durationMs);
  const worker = async () => {
    while (more()) {
      sent++;
      const r = make();
      const t0 = performance.now();
      try {
        const res = await request(r.url, r, agent);
        latencies.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 300)}`);
        check?.(res);
      } catch (err) {
        if (errors++ === 0) console.error('  request failed:', err.message);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}
