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
