#!/usr/bin/env node
// The PWA's initial JavaScript, gzip-compressed: the entry script of pwa/dist/index.html,
// its modulepreloads and every chunk they import statically (lazy routes excluded).
// Fails (exit 1) over the budget, or when one of them lacks V8's compile hint (pwa/build/compileHints.ts). Usage after
// `npm run build`:
//   node bench/check-bundle.mjs [--budget-kb 150] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const budgetKb = Number(args[args.indexOf('--budget-kb') + 1] || process.env.BUNDLE_BUDGET_KB || 150);
const dist = path.resolve(process.env.PWA_DIST ?? fileURLToPath(new URL('../pwa/dist/', import.meta.url)));

export function initialJs(distDir = dist) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const roots = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const seen = new Map();
  const visit = (url) => {
    const file = path.join(distDir, url.replace(/^\//, ''));
    if (seen.has(file) || !fs.existsSync(file)) return;
    const code = fs.readFileSync(file);
    seen.set(file, { file: path.relative(distDir, file), bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, compileHint: code.toString().startsWith('//# allFunctionsCalledOnLoad\n') });
    // Static imports only: `import"./x.js"` and `from"./x.js"`, not `import("./x.js")`.
    for (const m of code.toString().matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) visit(path.posix.join(path.posix.dirname(url), m[1]));
  };
  for (const r of roots) visit(r);
  const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = initialJs();
  const kb = (n) => Math.round((n / 1024) * 10) / 10;
  if (args.includes('--json')) console.log(JSON.stringify({ ...result, budgetKb }, null, 2));
  else {
    for (const f of result.files) console.log(`${String(kb(f.gzip)).padStart(7)} KB gzip  ${f.file}`);
    console.log(`initial JS: ${kb(result.gzip)} KB gzip (${kb(result.bytes)} KB raw) in ${result.files.length} files; budget ${budgetKb} KB`);
  }
  if (result.gzip > budgetKb * 1024) {
    console.error(`over budget by ${kb(result.gzip - budgetKb * 1024)} KB`);
    process.exit(1);
  }
  const unhinted = result.files.filter((f) => !f.compileHint).map((f) => f.file);
  if (unhinted.length) {
    console.error(`without the compile hint, compiled on the main thread at first call: ${unhinted.join(', ')}`);
    process.exit(1);
  }
}
