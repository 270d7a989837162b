// Shared setup for the schema-engine bridge tests: a throwaway Postgres, a
// temporary copy of the project's prisma folder, and runners for the real
// Prisma CLI and for the bridge executable itself.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';

export const repoRoot = path.resolve(__dirname, '../..');
export const bridge = path.join(repoRoot, 'scripts/schema-engine/schema-engine');
const prismaCli = path.join(repoRoot, 'node_modules/prisma/build/index.js');

export type Server = { url: (db: string) => string; stop: () => Promise<void> };

/** TEST_DATABASE_URL's server if given (as in tests/support), else a fresh embedded cluster. */
export async function startServer(): Promise<Server> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    return {
      url: (db) => Object.assign(new URL(external), { pathname: `/${db}` }).toString(),
      stop: async () => {},
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'schema-engine-test-pg-'));
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: false, fast: true });
  return { url: (db) => cluster.url(db), stop: () => cluster.stop() };
}

/** Database names unique to this run, so a shared TEST_DATABASE_URL server is safe. */
export const uniqueDb = (label: string) => `se_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function databaseNames(server: Server): Promise<string[]> {
  const rows = await query<{ datname: string }>(server.url('postgres'), 'SELECT datname FROM pg_database ORDER BY 1');
  return rows.map((r) => r.datname);
}

export async function dropDatabases(server: Server, names: string[]) {
  for (const name of names) await query(server.url('postgres'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export type Project = { dir: string; schema: string; migrations: string; remove: () => void };

/**
 * A temporary project: copies of prisma/schema.prisma and prisma/migrations
 * plus a prisma.config.ts, so tests never touch the repository's migrations.
 */
export function makeProject(): Project {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-engine-test-project-'));
  const schema = path.join(dir, 'prisma', 'schema.prisma');
  const migrations = path.join(dir, 'prisma', 'migrations');
  cpSync(path.join(repoRoot, 'prisma', 'schema.prisma'), schema);
  cpSync(path.join(repoRoot, 'prisma', 'migrations'), migrations, { recursive: true });
  // No `import { defineConfig } from 'prisma/config'`: it would not resolve
  // outside the repository, and a plain object is what defineConfig returns.
  writeFileSync(
    path.join(dir, 'prisma.config.ts'),
    `export default {
  schema: ${JSON.stringify(schema)},
  migrations: { path: ${JSON.stringify(migrations)} },
  datasource: { url: process.env.DATABASE_URL ?? '' },
};
`,
  );
  return { dir, schema, migrations, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type RunResult = { code: number | null; stdout: string; stderr: string; output: string };

function run(
  command: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; input?: string },
) {
  return new Promise<RunResult>((resolve, reject) => {
    const env = Object.fromEntries(
      Object.entries({ ...process.env, ...opts.env }).filter(([, v]) => v !== undefined),
    ) as NodeJS.ProcessEnv;
    const child = spawn(command, args, { cwd: opts.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: stdout + stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs the real Prisma CLI in `project` with the bridge as its schema engine. */
export function prisma(
  project: Project,
  args: string[],
  databaseUrl: string | undefined,
  env: Record<string, string> = {},
) {
  return run(process.execPath, [prismaCli, ...args], {
    cwd: project.dir,
    env: {
      DATABASE_URL: databaseUrl,
      PRISMA_SCHEMA_ENGINE_BINARY: bridge,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      NO_COLOR: '1',
      ...env,
    },
  });
}

/** Runs the bridge executable directly. */
export function runBridge(args: string[], input?: string) {
  return run(bridge, args, { cwd: repoRoot, env: { DATABASE_URL: undefined }, input });
}
