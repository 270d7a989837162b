// @ts-check
// `schema-engine --datasource JSON cli <command>`: one-shot commands the CLI
// runs before starting the engine proper (`migrate dev/deploy/reset`, `db push`
// check the database exists and create it if not). They need no schema engine
// logic, so they are done with `pg` directly.
//
// Protocol (from the CLI's source): success is exit code 0. On failure the CLI
// reads stderr, skips the first line, parses every other line as JSON and looks
// for `{"level":"ERROR","target":"schema_engine::logger","fields":{"error_code","message"}}`.
// So stderr must hold nothing but JSON lines.
import { dropDatabase, quoteIdent, withClient, withDatabase } from './adapter.mjs';
import { fromPgError, logLine, urlParts } from './errors.mjs';

/**
 * The maintenance database to connect to when the target database may not
 * exist (the native engine also tries `postgres`, then `template1`).
 * @param {string} url
 * @param {(c: import('pg').Client) => Promise<void>} fn
 */
async function withMaintenanceDb(url, fn) {
  try {
    await withClient(withDatabase(url, 'postgres'), fn);
  } catch (err) {
    if (/** @type {any} */ (err)?.code !== '3D000') throw err;
    await withClient(withDatabase(url, 'template1'), fn);
  }
}

/**
 * Creates the database named in `url` (also used by the `createDatabase` RPC method).
 * @param {string} url
 * @returns {Promise<string>} its name
 */
export async function createDatabaseAt(url) {
  const { database } = urlParts(url);
  await withMaintenanceDb(url, async (c) => {
    await c.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
  return database;
}

/** @type {Record<string, (url: string) => Promise<string>>} */
const commands = {
  async 'can-connect-to-database'(url) {
    await withClient(url, (c) => c.query('SELECT 1'));
    return 'Connection successful';
  },
  async 'create-database'(url) {
    return `Database '${await createDatabaseAt(url)}' was successfully created.`;
  },
  async 'drop-database'(url) {
    const { database } = urlParts(url);
    await withMaintenanceDb(url, async (c) => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) throw Object.assign(new Error(`database "${database}" does not exist`), { code: '3D000' });
      await dropDatabase(c, database);
    });
    return `The database was successfully dropped.`;
  },
};

/**
 * @param {string} command
 * @param {string | undefined} url
 * @returns {Promise<number>} the exit code
 */
export async function runCliCommand(command, url) {
  // The CLI skips the first stderr line; the native engine's is this one.
  logLine('INFO', 'Starting schema engine CLI', {}, 'schema_engine');
  const run = commands[command];
  if (!run) {
    logLine('ERROR', `Unknown cli command \`${command}\``, {}, 'schema_engine::logger');
    return 1;
  }
  if (!url) {
    logLine(
      'ERROR',
      'No database URL: pass --datasource \'{"url":"…"}\' or set DATABASE_URL.',
      {},
      'schema_engine::logger',
    );
    return 1;
  }
  try {
    logLine('INFO', await run(url), {}, 'schema_engine');
    return 0;
  } catch (err) {
    const { error_code, message } = fromPgError(err, urlParts(url));
    logLine('ERROR', message, { is_panic: false, ...(error_code ? { error_code } : {}) }, 'schema_engine::logger');
    return 1;
  }
}
