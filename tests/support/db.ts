import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/prisma-client';

export type TestDatabase = { name: string; url: string; prisma: Db; drop: () => Promise<void> };

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Refuses new connections to a test database and ends the open ones, as a stopped
 * server would (`up` false), or lets them in again.
 */
export async function setDatabaseReachable(database: { name: string }, up: boolean): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`ALTER DATABASE "${database.name}" WITH ALLOW_CONNECTIONS ${up}`);
    if (!up) await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
  });
}

/** A fresh, fully migrated database cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rutest_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplateDb')}"`));
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const prisma = createPrismaClient(url.toString(), { max: 5 });
  return {
    name,
    url: url.toString(),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
