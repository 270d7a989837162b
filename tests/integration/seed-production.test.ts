import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed, type SeedSummary } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

describe('seed in production mode', () => {
  let db: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase();
    summary = await seed(db.prisma, { now: new Date('2025-11-01T10:00:00Z'), production: true });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates no users with default passwords, and says so', async () => {
    expect(await db.prisma.user.count()).toBe(0);
    expect(summary.users.created).toEqual([]);
    expect(summary.users.skipped).toEqual([
      'admin@example.org',
      'editor@example.org',
      'sponsor@example.org',
      'contributor@example.org',
    ]);
    expect(summary.users.note).toMatch(/production/i);
  });

  it('still seeds the content', async () => {
    const issues = await db.prisma.issue.findMany({
      orderBy: { month: 'asc' },
      select: { slug: true, createdById: true },
    });
    expect(issues.map((i) => i.slug)).toEqual([
      'regional-update-june-2024',
      'regional-update-october-2025',
      'demo-regional-update-november-2025',
    ]);
    expect(issues.every((i) => i.createdById === null)).toBe(true);
    expect(await db.prisma.event.count()).toBe(14);
    expect(await db.prisma.section.count()).toBe(17);
  });
});
