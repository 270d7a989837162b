#!/usr/bin/env node
// @ts-check
// Runs a command with DATABASE_URL pointing at the app's database, starting the
// embedded PostgreSQL for the duration if needed. Used by the db:* npm scripts.
//   node scripts/with-db.mjs prisma migrate dev
import { spawn } from 'node:child_process';
import { loadDotEnv, resolveDatabase, ROOT } from './lib/database-url.mjs';

const [command, ...rest] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/with-db.mjs <command> [args...]');
  process.exit(2);
}
loadDotEnv();
const database = await resolveDatabase({ log: (m) => console.error(`▸ ${m}`) });
const child = spawn(command, rest, {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: database.url, PATH: `${ROOT}/node_modules/.bin:${process.env.PATH}` },
});
const forward = (/** @type {NodeJS.Signals} */ s) => child.kill(s);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 1);
});
