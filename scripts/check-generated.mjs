#!/usr/bin/env node
// CI: regenerates schema.graphql and pwa/src/gql, checks the migrations against
// the entities, and fails when anything generated differs from what is committed.
import { execSync } from 'node:child_process';

const run = (command) => execSync(command, { stdio: 'inherit' });
run('npm run schema');
run('npm run codegen');
run('npm run migrations:check -w server');
const stale = execSync('git status --porcelain -- schema.graphql pwa/src/gql server/src/db/migrations', { encoding: 'utf8' }).trim();
if (stale) {
  console.error(`Generated files are stale; regenerate (npm run schema, npm run codegen, npm run migrations) and commit:\n${stale}`);
  execSync('git --no-pager diff --stat -- schema.graphql pwa/src/gql server/src/db/migrations', { stdio: 'inherit' });
  process.exit(1);
}
console.log('Generated files are fresh.');
