// @ts-check
// Error and log shapes the Prisma CLI expects from a schema engine.
//
// The CLI was written against the native (Rust) engine, so everything here
// mirrors what that binary prints: JSON log lines on stderr and JSON-RPC
// errors whose `data` carries `is_panic`, `message`, `meta` and `error_code`.
// Messages for the error codes below follow the wording of Prisma's
// user-facing error catalogue, so the CLI output reads as with the native engine.

/**
 * @typedef {{ error_code?: string, message: string, meta?: Record<string, unknown> }} UserFacingError
 * @typedef {{ host: string, port: string, database: string, user: string }} UrlParts
 */

/** Writes one log line in the native engine's JSON format to stderr. */
export function logLine(
  /** @type {'ERROR' | 'WARN' | 'INFO' | 'DEBUG'} */ level,
  /** @type {string} */ message,
  /** @type {Record<string, unknown>} */ fields = {},
  target = 'schema_engine::bridge',
) {
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target }) + '\n',
  );
}

/** @param {string} url */
export function urlParts(url) {
  try {
    const u = new URL(url);
    return {
      host: decodeURIComponent(u.hostname) || 'localhost',
      port: u.port || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
      user: decodeURIComponent(u.username) || 'postgres',
    };
  } catch {
    return { host: 'localhost', port: '5432', database: 'postgres', user: 'postgres' };
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * Maps a `pg` connection/admin error to the native engine's user-facing error.
 * @param {any} err
 * @param {UrlParts} at
 * @returns {UserFacingError}
 */
export function fromPgError(err, at) {
  const where = `${at.host}:${at.port}`;
  const msg = String(err?.message ?? err);
  if (UNREACHABLE.has(err?.code) || /timeout|Connection terminated unexpectedly/i.test(msg)) {
    return {
      error_code: 'P1001',
      message: `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`,
      meta: { database_host: at.host, database_port: at.port },
    };
  }
  switch (err?.code) {
    case '3D000':
      return {
        error_code: 'P1003',
        message: `Database \`${at.database}\` does not exist on the database server at \`${where}\`.`,
        meta: { database_name: at.database, database_host: at.host, database_port: at.port },
      };
    case '28P01':
    case '28000':
      return {
        error_code: 'P1000',
        message:
          `Authentication failed against database server at \`${at.host}\`, the provided database credentials for \`${at.user}\` are not valid.\n\n` +
          `Please make sure to provide valid database credentials for the database server at \`${at.host}\`.`,
        meta: { database_user: at.user, database_host: at.host },
      };
    case '42P04':
      return {
        error_code: 'P1009',
        message: `Database \`${at.database}\` already exists on the database server at \`${where}\``,
        meta: { database_name: at.database, database_host: at.host, database_port: at.port },
      };
    case '42501':
      return {
        error_code: 'P1010',
        message: `User \`${at.user}\` was denied access on the database \`${at.database}\``,
        meta: { database_user: at.user, database_name: at.database },
      };
    default:
      return { message: describeDbError(err) };
  }
}

/** "ERROR: …" plus DETAIL/HINT, like psql and the native engine print a Postgres error. @param {any} err */
export function describeDbError(err) {
  if (!err?.severity) return String(err?.message ?? err);
  let text = `${err.severity}: ${err.message}`;
  if (err.detail) text += `\nDETAIL: ${err.detail}`;
  if (err.hint) text += `\nHINT: ${err.hint}`;
  return text;
}

/**
 * Errors thrown by SchemaEngine.new() (it connects eagerly) carry no code, but
 * their text is the native engine's P1xxx message, so the code can be recovered.
 * @param {string} message
 */
export function codeForConnectionMessage(message) {
  if (/^Can't reach database server/.test(message)) return 'P1001';
  if (/^Authentication failed against database server/.test(message)) return 'P1000';
  if (/^Database `[^`]*` does not exist/.test(message)) return 'P1003';
  if (/^Error opening a TLS connection/.test(message)) return 'P1011';
  return undefined;
}

/**
 * Wasm error messages end with a tracing "span trace" ("   0: module::fn\n  at file.rs:12").
 * Useful in logs, noise in the terminal: split it off.
 * @param {string} message
 */
export function splitSpanTrace(message) {
  const i = message.search(/\n\s+0: [a-z_]+::/);
  return i === -1 ? { message, spanTrace: '' } : { message: message.slice(0, i), spanTrace: message.slice(i + 1) };
}

/**
 * Builds the `data` of a JSON-RPC error response from whatever a wasm call threw.
 * @param {any} err
 * @param {{
 *   panicMessage?: string,
 *   lastDbError?: any,
 *   externalError?: (id: number) => any,
 * }} ctx
 */
export function toErrorData(err, ctx) {
  if (ctx.panicMessage) {
    return { is_panic: true, message: ctx.panicMessage, backtrace: String(err?.stack ?? '') };
  }
  if (err?.userFacing) return { is_panic: false, ...err.userFacing };

  const raw = String(err?.message ?? err);
  let { message, spanTrace } = splitSpanTrace(raw);
  let code = typeof err?.code === 'string' ? err.code : codeForConnectionMessage(message);
  /** @type {Record<string, unknown>} */
  let meta = {};

  // Errors thrown in our own JS (e.g. while creating the shadow database) reach
  // the engine as "External error id#N"; the original is kept by the adapter binder.
  const ext = /External error id#(\d+)/.exec(message);
  const original = ext && ctx.externalError?.(Number(ext[1]));
  if (original?.userFacing) return { is_panic: false, ...original.userFacing };
  if (original) message = message.replace(ext[0], String(original.message ?? original));

  // Database errors reach the engine as the adapter's coarse classification
  // ("external connector error\nNo such table: x"); the native engine shows the
  // database's own message, so put it back.
  const db = ctx.lastDbError;
  if (db?.severity && message.includes('external connector error')) {
    const dbText = `Database error code: ${db.code}\n\nDatabase error:\n${describeDbError(db)}`;
    const applying = /apply_migration[\s\S]*?migration_name="([^"]+)"/.exec(spanTrace);
    if (!code && applying) {
      // The native engine reports a failed migration during apply as P3018.
      code = 'P3018';
      meta = { migration_name: applying[1], database_error_code: db.code, database_error: describeDbError(db) };
      message =
        'A migration failed to apply. New migrations cannot be applied before the error is recovered from. ' +
        'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n' +
        `Migration name: ${applying[1]}\n\n${dbText}\n`;
    } else {
      message = message.replace(/external connector error\n?[^\n]*/, dbText);
    }
  }

  if (code) return { is_panic: false, message, meta, error_code: code };
  return { is_panic: false, message, backtrace: spanTrace || null };
}
