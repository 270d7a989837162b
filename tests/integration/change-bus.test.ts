import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeBus, type Change } from '../../scripts/lib/public-pages/change-bus.mjs';
import { createTestDatabase, setDatabaseReachable, type TestDatabase } from '../support/db';

// How instances tell each other which stored pages to re-render (decision 030), on a real
// PostgreSQL: LISTEN/NOTIFY between two buses, never an instance's own news back to it, a
// change too long for a notification as "rebuild everything", and a rebuild after a lost
// connection, since whatever was announced meanwhile is gone.

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await setDatabaseReachable(testDb, true).catch(() => {});
  await testDb?.drop();
});

function instance() {
  const changes: Change[] = [];
  let missed = 0;
  const logs: string[] = [];
  const bus = startChangeBus({
    url: testDb.url,
    onChange: (c) => changes.push(c),
    onMissed: () => (missed += 1),
    log: (line) => logs.push(line),
  });
  return { bus, changes, missed: () => missed, logs };
}

async function until(ok: () => boolean, ms = 5_000) {
  const since = Date.now();
  while (!ok()) {
    if (Date.now() - since > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - since;
}

describe('the change bus', () => {
  it('carries a change to every other instance, not back to the one that made it', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    try {
      await Promise.all([a.bus.ready, b.bus.ready, c.bus.ready]);
      await a.bus.publish(['/', '/issues/october'], ['/issues/october']);
      await until(() => b.changes.length === 1 && c.changes.length === 1);
      expect(b.changes).toEqual([{ paths: ['/', '/issues/october'], changed: ['/issues/october'] }]);
      expect(c.changes).toEqual(b.changes);
      // Its own news would arrive by now too, if it were delivered.
      await new Promise((r) => setTimeout(r, 200));
      expect(a.changes).toEqual([]);
    } finally {
      await Promise.all([a.bus.stop(), b.bus.stop(), c.bus.stop()]);
    }
  });

  it('asks for a full rebuild when the list of pages is too long for a notification', async () => {
    const a = instance();
    const b = instance();
    try {
      await Promise.all([a.bus.ready, b.bus.ready]);
      const many = Array.from({ length: 400 }, (_, i) => `/events/a-long-event-slug-number-${i}`);
      await a.bus.publish(many, many);
      await until(() => b.changes.length === 1);
      expect(b.changes).toEqual([{ full: true }]);
    } finally {
      await Promise.all([a.bus.stop(), b.bus.stop()]);
    }
  });

  it('rebuilds after its connection was lost, once it listens again, and hears changes again', async () => {
    const b = instance();
    const a = instance();
    try {
      await Promise.all([a.bus.ready, b.bus.ready]);
      expect(b.missed()).toBe(0);
      await setDatabaseReachable(testDb, false);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(b.missed()).toBe(0);
      await setDatabaseReachable(testDb, true);
      await until(() => b.missed() === 1 && a.missed() === 1);
      expect(b.logs.join('\n')).toContain('rebuilding the stored pages');
      await a.bus.publish(['/events'], []);
      await until(() => b.changes.length === 1);
      expect(b.changes).toEqual([{ paths: ['/events'], changed: [] }]);
    } finally {
      await Promise.all([a.bus.stop(), b.bus.stop()]);
    }
  });

  it('a publish while the database is unreachable is logged, not thrown', async () => {
    const a = instance();
    try {
      await a.bus.ready;
      await setDatabaseReachable(testDb, false);
      await a.bus.publish(['/'], []);
      expect(a.logs.join('\n')).toContain('Could not tell the other instances');
    } finally {
      await setDatabaseReachable(testDb, true);
      await a.bus.stop();
    }
  });
});
