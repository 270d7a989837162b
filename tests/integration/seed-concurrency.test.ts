import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

describe('concurrent seeds (e.g. two app instances starting together)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('both succeed and create everything exactly once', async () => {
    const now = new Date('2025-11-01T10:00:00Z');
    const [a, b] = await Promise.all([seed(db.prisma, { now }), seed(db.prisma, { now })]);
    expect([...a.issues.created, ...b.issues.created].sort()).toEqual([
      'regional-update-june-2024',
      'regional-update-october-2025',
    ]);
    expect([a.demoIssue.created, b.demoIssue.created].filter(Boolean)).toEqual(['demo-regional-update-november-2025']);
    expect(a.events.created + b.events.created).toBe(14);
    expect(a.users.created.length + b.users.created.length).toBe(4);
    expect(await db.prisma.issue.count()).toBe(3);
    expect(await db.prisma.event.count()).toBe(14);
    expect(await db.prisma.organisation.count()).toBe(23);
    expect(await db.prisma.user.count()).toBe(4);
  });
});
