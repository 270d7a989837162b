import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
  }
}

const root = path.resolve(__dirname, '../..');

/**
 * One throwaway Postgres cluster per test run (or TEST_DATABASE_URL's server),
 * with a template database migrated once; each test file clones it.
 * Dev data in .data/ is never touched.
 */
export default async function setup(project: TestProject) {
  let cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    cluster = await startEmbeddedPostgres({
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'ru-test-pg-')),
      persistent: false,
      fast: true,
    });
    adminUrl = cluster.url('postgres');
  }
  const template = `rutest_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  execFileSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: templateUrl.toString() },
    stdio: 'pipe',
  });

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDb', template);

  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await c.end();
    await cluster?.stop();
  };
}
