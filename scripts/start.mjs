#!/usr/bin/env node
// `npm start`: builds the server and the PWA when their build is missing or older
// than their sources, then runs the server in this process (it handles SIGTERM).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function newest(entries) {
  let latest = 0;
  for (const entry of entries) {
    if (!fs.existsSync(entry)) continue;
    const stat = fs.statSync(entry);
    if (!stat.isDirectory()) latest = Math.max(latest, stat.mtimeMs);
    else for (const child of fs.readdirSync(entry)) latest = Math.max(latest, newest([path.join(entry, child)]));
  }
  return latest;
}

const builds = [
  { workspace: 'server', output: 'server/dist/main.js', sources: ['server/src', 'server/tsconfig.json', 'server/tsconfig.build.json'] },
  { workspace: 'pwa', output: 'pwa/dist/index.html', sources: ['pwa/src', 'pwa/public', 'pwa/index.html', 'pwa/vite.config.ts'] },
];
for (const { workspace, output, sources } of builds) {
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (built >= newest(sources)) continue;
  console.log(`Building ${workspace}…`);
  execSync(`npm run build -w ${workspace}`, { stdio: 'inherit' });
}

await import(pathToFileURL(path.join(root, 'server/dist/main.js')).href);
