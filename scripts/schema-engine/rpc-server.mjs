// @ts-check
// The JSON-RPC side of the bridge: what `schema-engine --datamodels …` does.
//
// The CLI writes one JSON-RPC 2.0 request per line on our stdin and reads one
// response per line from our stdout (so nothing else may ever be written to
// stdout). Logs go to stderr as JSON lines. Requests are forwarded to the wasm
// SchemaEngine, which has the same method names and parameter shapes.
import { readFileSync } from 'node:fs';
import readline from 'node:readline';
import { format } from 'node:util';
import { createAdapterFactory, createOfflineAdapterFactory } from './adapter.mjs';
import { createDatabaseAt } from './cli-commands.mjs';
import { logLine, toErrorData } from './errors.mjs';
import { loadSchemaEngineWasm, panic } from './wasm.mjs';

/** Methods whose wasm counterpart has the same name and parameters. */
const PASSTHROUGH = [
  'applyMigrations',
  'createMigration',
  'dbExecute',
  'devDiagnostic',
  'diagnoseMigrationHistory',
  'ensureConnectionValidity',
  'evaluateDataLoss',
  'introspect',
  'introspectSql',
  'markMigrationApplied',
  'markMigrationRolledBack',
  'reset',
  'schemaPush',
];

/** `diff` inputs that can be computed without any database. */
const OFFLINE_DIFF_TARGETS = new Set(['empty', 'schemaDatamodel']);

/**
 * @param {{
 *   datamodelPaths: string[],
 *   datasource: { url?: string, shadowDatabaseUrl?: string },
 * }} options
 */
export async function serve({ datamodelPaths, datasource }) {
  // stdout is the RPC channel: keep its writer for ourselves and send anything
  // a dependency might console.log() to stderr instead.
  const writeStdout = process.stdout.write.bind(process.stdout);
  for (const name of /** @type {const} */ (['log', 'info', 'debug'])) {
    console[name] = (...args) => logLine('INFO', format(...args));
  }
  const send = (/** @type {object} */ message) => writeStdout(JSON.stringify(message) + '\n');

  const wasm = await loadSchemaEngineWasm();
  const verbose = /debug|trace/i.test(process.env.RUST_LOG ?? '');
  /** Forwards the engine's own JSON log lines (they already have the native format). */
  const onEngineLog = (/** @type {string} */ line) => {
    if (verbose || !/"level":"(DEBUG|TRACE)"/.test(line)) process.stderr.write(line.trimEnd() + '\n');
  };
  // `migrate diff` passes no --datamodels; the engine wants `undefined` then, not [].
  const datamodels = datamodelPaths.length
    ? datamodelPaths.map((p) => /** @type {[string, string]} */ ([p, readFileSync(p, 'utf8')]))
    : undefined;

  // SchemaEngine.new() connects right away, so engines are created on first
  // use: a connection error then becomes the error of that request (as with
  // the native engine), and `migrate diff` between schema files needs no database.
  /** @type {{ engine: Promise<any>, factory: ReturnType<typeof createAdapterFactory> } | undefined} */
  let live;
  /** @type {Promise<any> | undefined} */
  let offline;

  async function liveEngine() {
    if (!live) {
      const url = datasource.url;
      if (!url) {
        throw Object.assign(new Error('no url'), {
          userFacing: {
            message:
              'The datasource URL is empty. Set `datasource.url` in prisma.config.ts (here: the DATABASE_URL environment variable).',
          },
        });
      }
      const factory = createAdapterFactory({ url, shadowDatabaseUrl: datasource.shadowDatabaseUrl });
      const engine = wasm.SchemaEngine.new({ datamodels }, onEngineLog, factory.bound);
      live = { engine, factory };
      // Let the next request try again if this one could not connect.
      engine.catch(() => (live = undefined));
    }
    return live.engine;
  }

  function offlineEngine() {
    offline ??= wasm.SchemaEngine.new({ datamodels }, onEngineLog, createOfflineAdapterFactory());
    return offline;
  }

  // Engine → CLI requests. The CLI answers `print` (and only `print`).
  let outgoingId = 0;
  /** @type {Map<string, () => void>} */
  const awaitingCli = new Map();
  /** @param {string} method @param {object} params */
  function requestCli(method, params) {
    const id = `bridge-${++outgoingId}`;
    return new Promise((resolve) => {
      awaitingCli.set(id, () => resolve(undefined));
      send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** @type {Record<string, (params: any) => Promise<unknown>>} */
  const handlers = {
    async diff(params) {
      const needsDatabase = ![params.from, params.to].every((t) => OFFLINE_DIFF_TARGETS.has(t.tag));
      const engine = needsDatabase ? await liveEngine() : await offlineEngine();
      const result = await engine.diff(params);
      // The native engine prints the diff through a `print` request to the CLI
      // and returns stdout: null; the CLI prints nothing else.
      if (result.stdout) await requestCli('print', { content: result.stdout });
      return { exitCode: result.exitCode, stdout: null };
    },
    async getDatabaseVersion() {
      return (await liveEngine()).version();
    },
    async createDatabase(params) {
      const url = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : datasource.url;
      return { databaseName: await createDatabaseAt(url) };
    },
    async debugPanic() {
      (await liveEngine()).debugPanic();
    },
  };
  for (const method of PASSTHROUGH) {
    handlers[method] = async (params) => (await liveEngine())[method](params);
  }

  // evaluateDataLoss and createMigration need "the schema the migrations
  // produce". In the wasm engine they cannot build it themselves (no shadow
  // database access: "PostgreSQL shadow DB must be provided through an external
  // factory"); they only read it from a cache that diagnoseMigrationHistory
  // fills, keyed by the list of migrations *applied to the database*. During
  // `migrate dev` on a database that was behind, that key was the shorter list
  // seen before applyMigrations ran. Diagnosing again now (everything is
  // applied by then) fills the cache for the full list; then retry once.
  for (const method of ['evaluateDataLoss', 'createMigration']) {
    handlers[method] = async (params) => {
      const engine = await liveEngine();
      try {
        return await engine[method](params);
      } catch (err) {
        if (!/shadow DB must be provided through an external factory/.test(String(/** @type {any} */ (err)?.message)))
          throw err;
        logLine('INFO', `Priming the migration schema cache before retrying ${method}`);
        await engine.diagnoseMigrationHistory({
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters,
        });
        return await engine[method](params);
      }
    };
  }

  /** @type {string | number | undefined} */
  let inFlightId;

  /** @param {any} request */
  async function handle(request) {
    const { id, method, params } = request;
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!handler) {
      send({
        jsonrpc: '2.0',
        id,
        error: {
          code: -32601,
          message: 'Method not found',
          data: { is_panic: false, message: `The schema-engine bridge does not support \`${method}\`.` },
        },
      });
      return;
    }
    inFlightId = id;
    if (live) live.factory.sink.lastDbError = undefined;
    try {
      const result = await handler(params);
      send({ jsonrpc: '2.0', id, result: result ?? {} });
    } catch (err) {
      replyWithError(id, err);
    } finally {
      inFlightId = undefined;
    }
  }

  /** @param {string | number | undefined} id @param {any} err */
  function replyWithError(id, err) {
    const data = toErrorData(err, {
      panicMessage: panic.message,
      lastDbError: live?.factory.sink.lastDbError,
      externalError: live?.factory.externalError,
    });
    logLine('ERROR', data.message, { error_code: data.error_code, details: String(err?.message ?? err) });
    const message = data.is_panic ? data.message : 'An error happened. Check the data field for details.';
    if (id !== undefined) send({ jsonrpc: '2.0', id, error: { code: 4466, message, data } });
    // After a panic the wasm instance is unusable; the native engine exits with 101 too.
    if (data.is_panic) void shutdown(101);
  }

  let shuttingDown = false;
  /** @param {number} code */
  async function shutdown(code) {
    if (shuttingDown) return;
    shuttingDown = true;
    const closing = (async () => {
      await live?.engine.then((e) => e.free()).catch(() => {});
      await live?.factory.close();
    })();
    // Never hang on exit because of a stuck connection.
    await Promise.race([closing, new Promise((r) => setTimeout(r, 5000).unref())]);
    // Writes to pipes are asynchronous: let the last response and log lines
    // (e.g. a panic report) reach the CLI before exiting.
    await Promise.all([process.stdout, process.stderr].map((s) => new Promise((r) => s.write('', () => r(undefined)))));
    process.exit(code);
  }

  // A Rust panic inside an async wasm call surfaces as an uncaught
  // "RuntimeError: unreachable", not as a rejected promise.
  process.on('uncaughtException', (err) => {
    if (panic.message || inFlightId !== undefined) replyWithError(inFlightId, err);
    else logLine('ERROR', String(err?.stack ?? err));
    void shutdown(panic.message ? 101 : 1);
  });
  process.on('unhandledRejection', (err) => logLine('WARN', `Unhandled rejection: ${String(err)}`));
  // The CLI ends our stdin and then sends SIGTERM straight away: exit cleanly
  // and still drop any leftover shadow database.
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) process.on(signal, () => void shutdown(0));

  // Requests are handled one at a time: the wasm engine takes `&mut self`
  // and would throw on re-entrant calls. (The CLI never overlaps them anyway.)
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (message.method === undefined) {
      // A response to one of our own requests (`print`).
      awaitingCli.get(String(message.id))?.();
      awaitingCli.delete(String(message.id));
      return;
    }
    queue = queue.then(() => handle(message));
  });
  lines.on('close', () => {
    // Nobody is left to answer a pending `print`.
    for (const done of awaitingCli.values()) done();
    void queue.then(() => shutdown(0));
  });
}
