// @ts-check
// Driver adapters handed to the WebAssembly schema engine.
//
// The wasm engine has no network stack of its own: it talks to Postgres only
// through a Prisma "driver adapter factory" (here @prisma/adapter-pg on top of
// `pg`). Three things needed fixing for it to work with the schema engine:
//
// 1. `"char"` columns. The engine's schema describer reads catalog columns of
//    Postgres's internal one-byte type `"char"` (oid 18, e.g.
//    pg_constraint.contype) and expects a *character* value. adapter-pg 7 does
//    not know oid 18 and throws "Unsupported column type char". Re-labelling
//    it as text is not enough (the describer then panics, it wants a char), so
//    we report those columns as ColumnType.Character.
// 2. The shadow database. adapter-pg's own connectToShadowDb() creates a
//    database but then connects with `{ ...config, database }`; `pg` lets the
//    connection string win over `database`, so the "shadow" is the main
//    database and `migrate dev` fails with "relation already exists". We create
//    a temporary database ourselves, like the native engine does, and drop it
//    when the engine disposes the connection (and again on exit, for safety).
// 3. executeScript(). adapter-pg splits scripts on every `;`, which breaks on
//    semicolons inside string literals, comments or function bodies. The
//    native engine sends a migration as one simple-protocol query, so do that.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import { fromPgError, logLine, urlParts } from './errors.mjs';

const CHAR_OID = 18;

/**
 * pg Pool settings from a Prisma-style URL. `schema` is a Prisma parameter,
 * not a libpq one, so it goes to the adapter instead; `connect_timeout`
 * (seconds, native default 5) becomes pg's connectionTimeoutMillis so that an
 * unreachable host fails instead of hanging.
 * @param {string} url
 */
export function poolSettings(url) {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  const timeout = Number(u.searchParams.get('connect_timeout') ?? 5);
  /** @type {import('pg').PoolConfig} */
  const config = { connectionString: u.toString(), connectionTimeoutMillis: timeout * 1000 };
  // Like the native engine, work in that schema: unqualified names in migrations resolve there.
  if (schema) config.options = `-c search_path=${quoteIdent(schema)}`;
  return { config, schema };
}

/** @param {string} url @param {string} database */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** @param {string} name */
export const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `fn` with a short-lived client connected to `url`.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} fn
 */
export async function withClient(url, fn) {
  const client = new pg.Client(poolSettings(url).config);
  client.on('error', () => {}); // a server-side disconnect must not crash the process
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** DROP DATABASE … WITH (FORCE) needs Postgres 13+; fall back to a plain drop. @param {pg.Client} c @param {string} name */
export async function dropDatabase(c, name) {
  try {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (err) {
    if (/** @type {any} */ (err).code !== '42601') throw err;
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

/**
 * @typedef {{ lastDbError?: any }} ErrorSink
 */

/**
 * Patches one adapter-pg connection (or transaction) in place, see the file comment.
 * @param {any} q an adapter-pg PgQueryable (adapter or transaction)
 * @param {ErrorSink} sink receives the raw `pg` error of the latest failed query
 */
function patchQueryable(q, sink) {
  const onError = q.onError;
  // Every query failure passes through onError with the raw pg error before it
  // is reduced to a DriverAdapterError; keep it for a readable error message.
  q.onError = (/** @type {any} */ err) => {
    sink.lastDbError = err;
    return onError.call(q, err);
  };

  const queryRaw = q.queryRaw;
  q.queryRaw = async (/** @type {any} */ query) => {
    /** @type {number[]} */
    const charColumns = [];
    // queryRaw reads `this.performIO`; give it a view of `q` whose performIO
    // relabels "char" columns as text (so the type check passes) and remembers
    // where they were. Per call, so concurrent queries cannot interfere.
    const view = Object.create(q, {
      performIO: {
        value: async (/** @type {any} */ sql) => {
          const result = await q.performIO(sql);
          result.fields.forEach((/** @type {any} */ field, /** @type {number} */ i) => {
            if (field.dataTypeID === CHAR_OID) {
              field.dataTypeID = pg.types.builtins.TEXT;
              charColumns.push(i);
            }
          });
          return result;
        },
      },
    });
    const result = await queryRaw.call(view, query);
    for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };

  if (typeof q.startTransaction === 'function') {
    const startTransaction = q.startTransaction;
    q.startTransaction = async (/** @type {any[]} */ ...args) =>
      patchQueryable(await startTransaction.apply(q, args), sink);
  }
  if (typeof q.executeScript === 'function') {
    q.executeScript = async (/** @type {string} */ script) => {
      try {
        await q.underlyingDriver().query(script);
      } catch (err) {
        q.onError(err);
      }
    };
  }
  return q;
}

/**
 * The adapter factory for a configured database, with a working shadow database.
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  /** @type {ErrorSink} */
  const sink = {};
  /** Temporary shadow databases that exist right now. */
  const shadowDatabases = new Set();
  /** Open adapters, disposed on close(). @type {Set<any>} */
  const open = new Set();

  /** @param {string} connectionUrl */
  async function connectTo(connectionUrl) {
    const { config, schema } = poolSettings(connectionUrl);
    const adapter = patchQueryable(await new PrismaPg(config, schema ? { schema } : undefined).connect(), sink);
    open.add(adapter);
    const dispose = adapter.dispose;
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose.call(adapter);
    };
    return adapter;
  }

  /** @param {string} name */
  async function dropShadow(name) {
    if (!shadowDatabases.has(name)) return;
    await withClient(url, (c) => dropDatabase(c, name));
    shadowDatabases.delete(name);
    logLine('INFO', `Dropped shadow database \`${name}\``);
  }

  const factory = {
    provider: /** @type {const} */ ('postgres'),
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A configured shadow database is reset (like the native engine does)
        // and kept; the wasm engine itself assumes it is empty.
        const schema = poolSettings(shadowDatabaseUrl).schema ?? 'public';
        await withClient(shadowDatabaseUrl, (c) =>
          c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`),
        );
        return connectTo(shadowDatabaseUrl);
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      try {
        await withClient(url, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      } catch (err) {
        const cause = fromPgError(err, urlParts(url)).message;
        throw Object.assign(new Error(cause), {
          userFacing: {
            error_code: 'P3014',
            message:
              'Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. ' +
              `Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: \n${cause}`,
            meta: { error_code: /** @type {any} */ (err).code ?? null },
          },
        });
      }
      shadowDatabases.add(name);
      logLine('INFO', `Created shadow database \`${name}\``);
      try {
        const adapter = await connectTo(withDatabase(url, name));
        const dispose = adapter.dispose;
        adapter.dispose = async () => {
          try {
            await dispose.call(adapter);
          } finally {
            await dropShadow(name);
          }
        };
        return adapter;
      } catch (err) {
        await dropShadow(name).catch(() => {});
        throw err;
      }
    },
  };

  const bound = bindMigrationAwareSqlAdapterFactory(factory);

  return {
    /** What SchemaEngine.new() takes. */
    bound,
    /** The raw pg error of the most recent failed query, if any. */
    sink,
    /** The original JS error behind an engine message "External error id#N". @param {number} id */
    externalError: (id) => /** @type {any} */ (bound).errorRegistry?.consumeError(id)?.error,
    /** Closes pools and drops any shadow database the engine did not release. */
    async close() {
      await Promise.allSettled([...open].map((a) => a.dispose()));
      for (const name of [...shadowDatabases]) {
        await dropShadow(name).catch((err) =>
          logLine('WARN', `Could not drop shadow database \`${name}\`: ${err?.message ?? err}`),
        );
      }
    },
  };
}

/**
 * A factory for commands that need no database at all (`migrate diff` between
 * the empty schema and a Prisma schema). SchemaEngine.new() insists on asking
 * the server's version once, so answer that one query and refuse the rest.
 */
export function createOfflineAdapterFactory() {
  const refuse = async () => {
    throw new Error('This operation needs a database connection, but no datasource URL is configured.');
  };
  const adapter = {
    provider: /** @type {const} */ ('postgres'),
    adapterName: 'offline',
    async queryRaw(/** @type {{ sql: string }} */ query) {
      if (!/version\(\)/.test(query.sql)) return refuse();
      // The probe is `SELECT EXISTS(<schema>), version(), server_version_num`.
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 16.0 (offline: no database connection)', 160000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: 'offline',
    connect: async () => /** @type {any} */ (adapter),
    connectToShadowDb: refuse,
  });
}
