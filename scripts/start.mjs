#!/usr/bin/env node
// @ts-check
// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set),
// migrations, first-run seed, production build if stale, then Next.js.
//   --dev          run `next dev` instead of a production build
//   --ephemeral    throwaway embedded database, deleted on exit (e2e tests)
//   --port N       HTTP port (default $PORT or 3000)
//   --database-url-file F   write the database URL to F (e2e fixtures seed their own data)
//   --build-only   stop after the production build (if stale), without serving:
//                  `npm test` builds once this way, before the tests that serve it
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildForProduction, buildIsStale, clearRuntimeCaches, newestMtime } from './lib/build.mjs';
import { loadDotEnv, resolveDatabase, ROOT, sharedDatabaseSecretWarning } from './lib/database-url.mjs';
import { bin, children, runNode, step } from './lib/run.mjs';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    ephemeral: { type: 'boolean', default: false },
    port: { type: 'string' },
    'database-url-file': { type: 'string' },
    'build-only': { type: 'boolean', default: false },
  },
});

const log = (/** @type {string} */ m) => console.log(`▸ ${m}`);

/**
 * The session-signing secret when NEXTAUTH_SECRET is not set: kept in .data so
 * sessions survive restarts; a fresh one for throwaway (--ephemeral) runs.
 * @param {boolean} ephemeral
 */
function authSecret(ephemeral) {
  if (ephemeral) return randomBytes(32).toString('base64url');
  const file = path.join(ROOT, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** @param {string} url */
async function databaseIsEmpty(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "Issue"');
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

let shuttingDown = false;
/** @type {Awaited<ReturnType<typeof resolveDatabase>> | undefined} */
let database;
/** A throwaway run's stored public pages (scripts/lib/public-pages), deleted on exit. */
let ephemeralPagesDir = '';

/** @param {number} code */
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all([...children].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  if (database) {
    await database.stop().catch((e) => console.error(`Could not stop PostgreSQL cleanly: ${e.message}`));
    if (database.embedded) log('Embedded PostgreSQL stopped.');
  }
  if (ephemeralPagesDir) rmSync(ephemeralPagesDir, { recursive: true, force: true });
  process.exit(code);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => void shutdown(0));
}

// `npm start` does not always pass SIGTERM on to its script; if npm goes away
// (we get re-parented), stop as if we had been told to.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1000).unref();

async function main() {
  loadDotEnv();
  if (args['build-only'] && !buildIsStale()) {
    log('The production build is up to date.');
    return shutdown(0);
  }
  const port = args.port ?? process.env.PORT ?? '3000';
  database = await resolveDatabase({ ephemeral: args.ephemeral, log });
  const origin = process.env.SITE_URL ?? `http://localhost:${port}`;
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: origin,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? origin,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? authSecret(args.ephemeral),
  };
  const secretWarning = sharedDatabaseSecretWarning({ embedded: database.embedded, secret: process.env.NEXTAUTH_SECRET });
  if (secretWarning) console.warn(secretWarning);
  if (args.ephemeral && !process.env.PUBLIC_PAGES_DIR) {
    ephemeralPagesDir = mkdtempSync(path.join(os.tmpdir(), 'ru-public-pages-'));
    env.PUBLIC_PAGES_DIR = ephemeralPagesDir;
  }
  if (args['database-url-file']) writeFileSync(args['database-url-file'], database.url, { mode: 0o600 });

  if (!existsSync(path.join(ROOT, 'lib/generated/prisma/client.ts')) ||
      newestMtime(['prisma/schema.prisma']) > statSync(path.join(ROOT, 'lib/generated/prisma/client.ts')).mtimeMs) {
    await step('prisma generate', bin.prisma, ['generate'], env);
  }
  await step('Database migration', bin.prisma, ['migrate', 'deploy'], env);
  if (await databaseIsEmpty(database.url)) {
    log('Empty database: seeding the real bulletins and demo content.');
    await step('Seed', bin.tsx, ['prisma/seed.ts'], env);
  }

  // Builds before isrFlushToDisk: false (next.config.js) left cached pages and query
  // results here, read from another database; none are written now.
  clearRuntimeCaches();

  if (args.dev) {
    const code = await runNode(path.join(ROOT, 'scripts/server.mjs'), ['--dev', '--port', port], env);
    return shutdown(code);
  }
  if (buildIsStale()) {
    log('Building for production (first run or changed sources)…');
    await buildForProduction(env);
  }
  if (args['build-only']) return shutdown(0);
  log(`Starting on http://localhost:${port}`);
  const code = await runNode(path.join(ROOT, 'scripts/server.mjs'), ['--port', port], { ...env, NODE_ENV: 'production' });
  return shutdown(code);
}

main().catch((err) => {
  if (!shuttingDown) console.error(`\n✖ ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
