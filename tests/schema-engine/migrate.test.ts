// The Prisma CLI's migrate/db commands, run for real through the wasm bridge
// (scripts/schema-engine/schema-engine) against a throwaway Postgres.
// Each test has its own copy of the prisma folder and its own databases, so
// they run concurrently (every CLI start costs ~2s of CPU).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databaseNames,
  dropDatabases,
  makeProject,
  prisma,
  query,
  startServer,
  uniqueDb,
  type Project,
  type Server,
} from './helpers';

const TIMEOUT = 120_000;
/** The hand-written CHECK constraints, as the repository's migrations declare them. */
function declaredCheckConstraints(): string[] {
  const dir = path.resolve('prisma/migrations');
  const sql = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readFileSync(path.join(dir, d.name, 'migration.sql'), 'utf8'))
    .join('\n');
  return [...sql.matchAll(/CONSTRAINT\s+"([^"]+)"\s+CHECK\b/g)].map((m) => m[1]!).sort();
}

let server: Server;
let databasesBefore: string[];
const created: string[] = [];
const projects: Project[] = [];

/** A database name for this test run (the CLI creates it on first use). */
function db(label: string) {
  const name = uniqueDb(label);
  created.push(name);
  return server.url(name);
}

function project() {
  const p = makeProject();
  projects.push(p);
  return p;
}

const migrationNames = (p: Project) => readdirSync(p.migrations).filter((n) => n !== 'migration_lock.toml');

beforeAll(async () => {
  server = await startServer();
  databasesBefore = await databaseNames(server);
}, TIMEOUT);

afterAll(async () => {
  for (const p of projects) p.remove();
  if (server) {
    await dropDatabases(server, created);
    await server.stop();
  }
}, TIMEOUT);

describe.concurrent('schema engine bridge: prisma migrate / db', () => {
  it(
    'migrate deploy applies the repository migrations to an empty database; migrate status is clean',
    async () => {
      const p = project();
      const url = db('deploy');

      const deploy = await prisma(p, ['migrate', 'deploy'], url);
      expect(deploy.code, deploy.output).toBe(0);
      expect(deploy.stdout).toContain('created at'); // the CLI created the database through `cli create-database`
      expect(deploy.stdout).toMatch(/_init/);
      expect(deploy.stdout).toContain('All migrations have been successfully applied');

      const status = await prisma(p, ['migrate', 'status'], url);
      expect(status.code, status.output).toBe(0);
      expect(status.stdout).toContain('Database schema is up to date');

      const checks = await query<{ conname: string }>(
        url,
        "SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1",
      );
      const declared = declaredCheckConstraints();
      // The first migration's five, at least, and every one declared since.
      expect(declared).toEqual(expect.arrayContaining(['EventSession_ends_after_starts', 'Event_cost_when_paid', 'Issue_month_first_day', 'Section_position_nonnegative', 'User_email_lowercase']));
      expect(checks.map((r) => r.conname)).toEqual(declared);
    },
    TIMEOUT,
  );

  it(
    'migrate dev creates a second migration (shadow database created and dropped); migrate deploy applies it elsewhere',
    async () => {
      const p = project();
      const devUrl = db('dev');
      const initial = migrationNames(p);

      // Fresh database: the existing migrations are applied and, despite the
      // hand-written CHECK constraints, no drift and no new migration.
      const first = await prisma(p, ['migrate', 'dev'], devUrl);
      expect(first.code, first.output).toBe(0);
      expect(first.stdout).toContain('Your database is now in sync with your schema');
      expect(migrationNames(p)).toEqual(initial);

      writeFileSync(
        p.schema,
        readFileSync(p.schema, 'utf8')
          .replace(/model Topic \{/, 'model Topic {\n  colour   String?')
          .concat('\nmodel BridgeProbe {\n  id    Int    @id @default(autoincrement())\n  label String @unique\n}\n'),
      );
      // DEBUG makes the CLI echo the engine's stderr, where the bridge logs its shadow databases.
      const dev = await prisma(p, ['migrate', 'dev', '--name', 'bridge_probe'], devUrl, {
        DEBUG: 'prisma:schemaEngine:stderr',
      });
      expect(dev.code, dev.output).toBe(0);
      expect(dev.stderr).toMatch(/Created shadow database `prisma_migrate_shadow_db_/);
      expect(dev.stderr).toMatch(/Dropped shadow database `prisma_migrate_shadow_db_/);
      const added = migrationNames(p).filter((n) => !initial.includes(n));
      expect(added).toEqual([expect.stringMatching(/^\d{14}_bridge_probe$/)]);
      const sql = readFileSync(path.join(p.migrations, added[0]!, 'migration.sql'), 'utf8');
      expect(sql).toMatch(/ALTER TABLE "Topic" ADD COLUMN\s+"colour" TEXT/);
      expect(sql).toContain('CREATE TABLE "BridgeProbe"');
      expect(sql).not.toMatch(/CHECK|DROP CONSTRAINT/); // check constraints cause no spurious changes

      const again = await prisma(p, ['migrate', 'dev'], devUrl);
      expect(again.code, again.output).toBe(0);
      expect(again.stdout).toContain('Already in sync, no schema change or pending migration was found');

      const prodUrl = db('prod');
      const deploy = await prisma(p, ['migrate', 'deploy'], prodUrl);
      expect(deploy.code, deploy.output).toBe(0);
      expect(deploy.stdout).toContain(`${initial.length + 1} migrations found`);
      expect(deploy.stdout).toContain(added[0]);
      const status = await prisma(p, ['migrate', 'status'], prodUrl);
      expect(status.code, status.output).toBe(0);
      expect(status.stdout).toContain('Database schema is up to date');
      expect(await query(prodUrl, 'SELECT "colour" FROM "Topic"')).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'migrate diff --from-empty --to-schema --script prints SQL, even with no database configured',
    async () => {
      const p = project();
      const diff = await prisma(p, ['migrate', 'diff', '--from-empty', '--to-schema', p.schema, '--script'], undefined);
      expect(diff.code, diff.output).toBe(0);
      expect(diff.stdout).toContain('CREATE TABLE "Event"');
      expect(diff.stdout).toContain('CREATE TYPE "Role" AS ENUM');
    },
    TIMEOUT,
  );

  it(
    'db push; migrate diff against the live database finds nothing; migrate reset',
    async () => {
      const p = project();
      const url = db('push');
      const push = await prisma(p, ['db', 'push'], url);
      expect(push.code, push.output).toBe(0);
      expect(push.stdout).toContain('Your database is now in sync with your Prisma schema');

      const diff = await prisma(
        p,
        ['migrate', 'diff', '--from-config-datasource', '--to-schema', p.schema, '--exit-code'],
        url,
      );
      expect(diff.code, diff.output).toBe(0);
      expect(diff.stdout).toContain('No difference detected');

      // The pushed schema has no migrations table: reset wipes it and applies the migrations.
      const reset = await prisma(p, ['migrate', 'reset', '--force'], url);
      expect(reset.code, reset.output).toBe(0);
      expect(reset.stdout).toMatch(/_init/);
      expect(await query(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([
        { n: migrationNames(p).length },
      ]);
    },
    TIMEOUT,
  );

  it(
    'a broken migration fails like with the native engine (P3006 in dev, P3018 in deploy) and is rolled back',
    async () => {
      const p = project();
      const dir = path.join(p.migrations, '29991231000000_broken');
      mkdirSync(dir);
      // The ';' inside the literal must not split the statement, and the failure
      // must roll back the whole script (it runs as one implicit transaction).
      writeFileSync(
        path.join(dir, 'migration.sql'),
        `CREATE TABLE "Half" ("x" TEXT DEFAULT 'a;b');\nSELECT * FROM "NoSuchTable";\n`,
      );

      const dev = await prisma(p, ['migrate', 'dev'], db('brokendev'));
      expect(dev.code).not.toBe(0);
      expect(dev.output).toContain('P3006');
      expect(dev.output).toContain('relation "NoSuchTable" does not exist');
      expect(dev.output).not.toMatch(/panicked|RuntimeError/);

      const url = db('brokendeploy');
      const deploy = await prisma(p, ['migrate', 'deploy'], url);
      expect(deploy.code).not.toBe(0);
      expect(deploy.output).toContain('P3018');
      expect(deploy.output).toContain('Migration name: 29991231000000_broken');
      expect(deploy.output).toContain('relation "NoSuchTable" does not exist');
      expect(await query(url, `SELECT to_regclass('"Half"')::text AS t`)).toEqual([{ t: null }]);
    },
    TIMEOUT,
  );
});

describe('schema engine bridge: afterwards', () => {
  it('left no shadow (or other unexpected) database behind, also after the failed migrate dev', async () => {
    const stray = (await databaseNames(server)).filter((n) => !databasesBefore.includes(n) && !created.includes(n));
    expect(stray).toEqual([]);
  });
});
