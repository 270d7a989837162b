// @ts-check
// Resolves the database the app uses: DATABASE_URL if set, otherwise the
// embedded PostgreSQL in .data/postgres (started here, or reused if `npm start`
// already runs it).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEV_DATA_DIR = path.join(ROOT, '.data', 'postgres');
export const DEV_DATABASE = 'regional_update';

/** Loads .env (if present) without overriding the real environment. */
export function loadDotEnv() {
  const file = path.join(ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The port of a live server already using `dataDir`, from its postmaster.pid. @param {string} dataDir */
function runningServerPort(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale pid file from a crash; Postgres cleans it up on start
  }
  return Number.isFinite(port) && port > 0 ? port : undefined;
}

/**
 * @param {{ dataDir?: string, ephemeral?: boolean, log?: (s: string) => void }} [opts]
 * @returns {Promise<{ url: string, embedded: boolean, stop: () => Promise<void> }>}
 */
export async function resolveDatabase(opts = {}) {
  const log = opts.log ?? (() => {});
  if (process.env.DATABASE_URL && !opts.ephemeral) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = opts.dataDir ?? (opts.ephemeral ? mkdtempSync(path.join(os.tmpdir(), 'ru-pg-')) : DEV_DATA_DIR);
  const existingPort = opts.ephemeral ? undefined : runningServerPort(dataDir);
  if (existingPort) {
    log(`Using the embedded PostgreSQL already running on port ${existingPort}.`);
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${existingPort}/${DEV_DATABASE}`,
      embedded: true,
      stop: async () => {},
    };
  }
  const pg = await startEmbeddedPostgres({
    dataDir,
    persistent: !opts.ephemeral,
    fast: opts.ephemeral,
    log: process.env.DEBUG_POSTGRES ? (l) => console.error(`[postgres] ${l}`) : undefined,
  });
  await pg.ensureDatabase(DEV_DATABASE);
  log(`Embedded PostgreSQL ${opts.ephemeral ? '(throwaway) ' : ''}running on 127.0.0.1:${pg.port}, data in ${path.relative(ROOT, dataDir) || dataDir}.`);
  return { url: pg.url(DEV_DATABASE), embedded: true, stop: () => pg.stop() };
}
