// The bridge executable on its own: the one-shot `cli` commands, connection
// errors, and the JSON-RPC protocol details the Prisma CLI relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/embedded-postgres.mjs';
import {
  databaseNames,
  dropDatabases,
  makeProject,
  prisma,
  query,
  runBridge,
  startServer,
  uniqueDb,
  type Project,
  type Server,
} from './helpers';

const TIMEOUT = 120_000;

let server: Server;
let project: Project;
const created: string[] = [];

beforeAll(async () => {
  server = await startServer();
  project = makeProject();
}, TIMEOUT);

afterAll(async () => {
  project?.remove();
  if (server) {
    await dropDatabases(server, created);
    await server.stop();
  }
}, TIMEOUT);

const cli = (url: string, command: string) => runBridge(['--datasource', JSON.stringify({ url }), 'cli', command]);

/**
 * How the Prisma CLI reads a failed `cli` command: skip stderr's first line,
 * JSON.parse every other line (throwing if one is not JSON), then take the
 * ERROR line from target schema_engine::logger.
 */
function cliError(stderr: string) {
  const lines = stderr
    .trimEnd()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => JSON.parse(l));
  return lines.find((l) => l.level === 'ERROR' && l.target === 'schema_engine::logger')?.fields;
}

describe('schema engine bridge: cli commands', () => {
  it(
    'reports its version',
    async () => {
      const r = await runBridge(['--version']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}/);
    },
    TIMEOUT,
  );

  it(
    'can-connect-to-database, create-database and drop-database',
    async () => {
      const name = uniqueDb('cli');
      created.push(name);
      const url = server.url(name);

      const missing = await cli(url, 'can-connect-to-database');
      expect(missing.code).toBe(1);
      expect(cliError(missing.stderr)).toMatchObject({
        error_code: 'P1003',
        message: expect.stringContaining(`Database \`${name}\` does not exist`),
      });

      const create = await cli(url, 'create-database');
      expect(create.code, create.stderr).toBe(0);
      expect(await databaseNames(server)).toContain(name);
      expect((await cli(url, 'can-connect-to-database')).code).toBe(0);

      const again = await cli(url, 'create-database');
      expect(again.code).toBe(1);
      expect(cliError(again.stderr)).toMatchObject({ error_code: 'P1009' });

      const drop = await cli(url, 'drop-database');
      expect(drop.code, drop.stderr).toBe(0);
      expect(await databaseNames(server)).not.toContain(name);
    },
    TIMEOUT,
  );

  it(
    'reports an unreachable server as P1001 (exit 1, JSON on stderr, no crash)',
    async () => {
      const url = `postgresql://postgres:postgres@127.0.0.1:${await findFreePort()}/nowhere`;
      const r = await cli(url, 'can-connect-to-database');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(cliError(r.stderr)).toMatchObject({
        error_code: 'P1001',
        message: expect.stringContaining("Can't reach database server at `127.0.0.1:"),
      });
    },
    TIMEOUT,
  );

  it(
    'the Prisma CLI shows P1001 for an unreachable database',
    async () => {
      const url = `postgresql://postgres:postgres@127.0.0.1:${await findFreePort()}/nowhere`;
      const r = await prisma(project, ['migrate', 'deploy'], url);
      expect(r.code).toBe(1);
      expect(r.output).toContain("P1001: Can't reach database server at `127.0.0.1:");
      expect(r.output).not.toMatch(/panicked|RuntimeError|\n\s+at /);
    },
    TIMEOUT,
  );
});

describe('schema engine bridge: JSON-RPC', () => {
  const rpc = (url: string, ...requests: object[]) =>
    runBridge(
      ['--datamodels', project.schema, '--datasource', JSON.stringify({ url })],
      requests.map((r, i) => JSON.stringify({ jsonrpc: '2.0', id: i + 1, ...r }) + '\n').join(''),
    );
  const responses = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it(
    'answers requests in order, only JSON-RPC on stdout, and exits once stdin closes',
    async () => {
      const started = Date.now();
      const r = await rpc(server.url('postgres'), { method: 'getDatabaseVersion' }, { method: 'noSuchMethod' });
      expect(r.code, r.stderr).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      const [version, unknown] = responses(r.stdout);
      expect(version).toMatchObject({ id: 1, result: expect.stringContaining('PostgreSQL') });
      expect(unknown).toMatchObject({ id: 2, error: { code: -32601, data: { is_panic: false } } });
    },
    TIMEOUT,
  );

  it(
    'returns user-facing errors with error_code, like the native engine (P3005)',
    async () => {
      const name = uniqueDb('rpc');
      created.push(name);
      await query(server.url('postgres'), `CREATE DATABASE "${name}"`);
      const url = server.url(name);
      await query(url, 'CREATE TABLE existing (id int)');

      const migrationsList = {
        baseDir: project.migrations,
        lockfile: { path: 'migration_lock.toml', content: null },
        shadowDbInitScript: '',
        migrationDirectories: [
          {
            path: '20000101000000_x',
            migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: 'SELECT 1;' } },
          },
        ],
      };
      const r = await rpc(url, {
        method: 'applyMigrations',
        params: { migrationsList, filters: { externalTables: [], externalEnums: [] } },
      });
      expect(r.code, r.stderr).toBe(0);
      const [response] = responses(r.stdout);
      expect(response.error.data).toMatchObject({
        is_panic: false,
        error_code: 'P3005',
        message: expect.stringContaining('The database schema is not empty'),
      });
    },
    TIMEOUT,
  );
});
