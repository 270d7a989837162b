import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, setDatabaseReachable, type TestDatabase } from '../support/db';

// The load balancer's two questions (issue 15): /healthz is the process alive (never
// asks the database), /readyz can it serve signed-in traffic (asks it, answers 503
// while it is down and 200 again by itself once it is back).

let testDb: TestDatabase;
let healthz: typeof import('@/app/healthz/route');
let readyz: typeof import('@/app/readyz/route');

const setDatabaseUp = (up: boolean) => setDatabaseReachable(testDb, up);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  healthz = await import('@/app/healthz/route');
  readyz = await import('@/app/readyz/route');
  // The first query of a process loads Prisma's query compiler, which on a loaded
  // machine can take longer than readiness waits; a running instance has long done it.
  const { db } = await import('@/lib/db');
  await db.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  await setDatabaseUp(true).catch(() => {});
  await testDb?.drop();
});

async function json(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

describe('health and readiness', () => {
  it('answers ready while the database is up', async () => {
    const response = await readyz.GET();
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ready' });
    expect((await readyz.HEAD()).status).toBe(200);
  });

  it('stays healthy but not ready while the database is down, and is ready again by itself once it is back', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await setDatabaseUp(false);
    try {
      const live = healthz.GET();
      expect(live.status).toBe(200);
      expect(await json(live)).toEqual({ status: 'ok' });
      expect(healthz.HEAD().status).toBe(200);

      const started = Date.now();
      const notReady = await readyz.GET();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(notReady.status).toBe(503);
      expect(notReady.headers.get('retry-after')).toBe('5');
      expect(await json(notReady)).toEqual({ status: 'unavailable', unavailable: ['database'] });
      expect((await readyz.HEAD()).status).toBe(503);
    } finally {
      await setDatabaseUp(true);
      errors.mockRestore();
    }
    // Recovery needs no restart: the pool reconnects on the next check.
    await vi.waitFor(async () => expect((await readyz.GET()).status).toBe(200), { timeout: 10_000, interval: 200 });
  });
});
