import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { londonDayStart, parseIsoDate } from '@/lib/dates';
import { parseAuditQuery } from '@/lib/validation/audit';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The audit-log viewer's data layer: who may read it, each filter, London day
// boundaries, keyset paging in both directions, and what the helper records.

let testDb: TestDatabase;
let auditData: typeof import('@/lib/data/audit');
const as = {} as Record<'admin' | 'editor' | 'sponsor' | 'contributor', SessionUser>;

async function makeUser(role: SessionUser['role'], email: string, name: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

const list = (user: SessionUser, params: Record<string, string>, pageSize?: number) => {
  const q = parseAuditQuery(params);
  return auditData.listAuditLog(user, q, pageSize);
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  auditData = await import('@/lib/data/audit');
  as.admin = await makeUser('ADMIN', 'admin@audit.test', 'Ada Admin');
  as.editor = await makeUser('EDITOR', 'editor@audit.test', 'Eddie Editor');
  as.sponsor = await makeUser('SPONSOR', 'sponsor@audit.test', 'Sam Sponsor');
  as.contributor = await makeUser('CONTRIBUTOR', 'contributor@audit.test', 'Cara Contributor');
  // 30 rows: alternating actors, three actions, spread over days in March 2026
  // (around the clock change on 29 March), plus one without an actor.
  const rows = [];
  for (let i = 0; i < 30; i++) {
    rows.push({
      actorId: i % 2 === 0 ? as.admin.id : as.editor.id,
      action: ['person.create', 'issue.update', 'auth.sign-in'][i % 3]!,
      entityType: ['Person', 'Issue', 'User'][i % 3]!,
      entityId: `entity-${i}`,
      details: { i },
      createdAt: new Date(Date.UTC(2026, 2, 1 + i, 12)),
    });
  }
  await testDb.prisma.auditLog.createMany({ data: rows });
  await testDb.prisma.auditLog.create({ data: { actorId: null, action: 'seed.run', entityType: 'System', createdAt: new Date('2026-04-15T12:00:00Z') } });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('permissions', () => {
  it('lets administrators and editors read the log (audit:read), and nobody else', async () => {
    expect((await list(as.admin, {})).entries.length).toBeGreaterThan(0);
    expect((await list(as.editor, {})).entries.length).toBeGreaterThan(0);
    for (const user of [as.sponsor, as.contributor, { ...as.admin, active: false }]) {
      await expect(list(user, {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(auditData.auditFilterOptions(user)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('filters', () => {
  it('by actor, including entries without one', async () => {
    const mine = await list(as.admin, { actor: as.editor.id }, 100);
    expect(mine.entries).toHaveLength(15);
    expect(mine.entries.every((e) => e.actor?.name === 'Eddie Editor')).toBe(true);
    const none = await list(as.admin, { actor: 'none' }, 100);
    expect(none.entries.map((e) => e.action)).toEqual(['seed.run']);
    expect(none.entries[0]!.actor).toBeNull();
  });

  it('by action and by kind of record, combined', async () => {
    const r = await list(as.admin, { action: 'issue.update', entity: 'Issue', actor: as.admin.id }, 100);
    // i ≡ 1 (mod 3) and even: 4, 10, 16, 22, 28
    expect(r.entries.map((e) => e.entityId)).toEqual(['entity-28', 'entity-22', 'entity-16', 'entity-10', 'entity-4']);
  });

  it('by London calendar days, inclusive at both ends, across the clock change', async () => {
    // Entry i is at 12:00 UTC on 1 + i March.
    const r = await list(as.admin, { from: '2026-03-28', to: '2026-03-30' }, 100);
    expect(r.entries.map((e) => e.entityId)).toEqual(['entity-29', 'entity-28', 'entity-27']);
    expect(londonDayStart(parseIsoDate('2026-03-30')!).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonDayStart(parseIsoDate('2026-03-01')!).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('reports bad filter values next to their field and leaves them out of the query', () => {
    const q = parseAuditQuery({ actor: 'not-a-uuid', action: '<script>', from: '2026-02-30', to: '2026-13-01', entity: 'Issue' });
    expect(q.errors).toEqual({
      actor: expect.any(String),
      action: expect.any(String),
      from: expect.stringMatching(/real date/),
      to: expect.stringMatching(/real date/),
    });
    expect(q.where).toEqual({ entityType: 'Issue' });
    const backwards = parseAuditQuery({ from: '2026-03-10', to: '2026-03-01' });
    expect(backwards.errors.to).toMatch(/same as or after/);
    expect(backwards.where.toExclusive).toBeUndefined();
    // Cursors beyond bigint are ignored rather than sent to Postgres.
    expect(parseAuditQuery({ before: '99999999999999999999' }).cursor).toEqual({});
  });

  it('offers the people, actions and kinds of record that occur, with emails only for those who may read users', async () => {
    const quiet = await testDb.prisma.user.create({ data: { email: 'quiet@audit.test', name: 'Quiet User', role: 'EDITOR' }, select: { id: true } });
    const options = await auditData.auditFilterOptions(as.editor);
    expect(options.actions).toEqual(['auth.sign-in', 'issue.update', 'person.create', 'seed.run']);
    expect(options.entityTypes).toEqual(['Issue', 'Person', 'System', 'User']);
    // Only people who appear in the log (not Cara, Sam or Quiet, who have done nothing logged).
    expect(options.actors.map((a) => a.name)).toEqual(['Ada Admin', 'Eddie Editor']);
    expect(options.actors.every((a) => a.email === null)).toBe(true);
    const forAdmin = await auditData.auditFilterOptions(as.admin);
    expect(forAdmin.actors.map((a) => a.email)).not.toContain(null);
    const editorView = await list(as.editor, {}, 5);
    expect(editorView.entries.filter((e) => e.actor).every((e) => e.actor!.email === null)).toBe(true);
    await testDb.prisma.user.delete({ where: { id: quiet.id } });
  });
});

describe('keyset paging', () => {
  it('walks older and back newer without gaps or repeats; ids are strings', async () => {
    const first = await list(as.admin, {}, 10);
    expect(first.entries).toHaveLength(10);
    expect(typeof first.entries[0]!.id).toBe('string');
    expect(first.newer).toBeNull();
    expect(first.older).toBe(first.entries.at(-1)!.id);

    const second = await list(as.admin, { before: first.older! }, 10);
    const third = await list(as.admin, { before: second.older! }, 10);
    const fourth = await list(as.admin, { before: third.older! }, 10);
    const all = [first, second, third, fourth].flatMap((p) => p.entries.map((e) => e.id));
    expect(all).toHaveLength(31);
    expect(new Set(all).size).toBe(31);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => b - a));
    expect(fourth.older).toBeNull();
    expect(fourth.newer).toBe(fourth.entries[0]!.id);

    const back = await list(as.admin, { after: third.entries[0]!.id }, 10);
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    expect(back.newer).toBe(second.entries[0]!.id);
    expect(back.older).toBe(second.entries.at(-1)!.id);
  });

  it('keeps the filters while paging', async () => {
    const first = await list(as.admin, { actor: as.admin.id }, 4);
    const second = await list(as.admin, { actor: as.admin.id, before: first.older! }, 4);
    expect([...first.entries, ...second.entries].every((e) => e.actor?.id === as.admin.id)).toBe(true);
    expect(second.entries).toHaveLength(4);
  });
});

describe('what is recorded', () => {
  it('the audit helper records the actor, the time and the entity in the caller’s transaction', async () => {
    const { audit } = await import('@/lib/audit');
    const before = new Date();
    await expect(
      testDb.prisma.$transaction(async (tx) => {
        await audit(tx, { actorId: as.admin.id, action: 'test.rolled-back', entityType: 'Test', entityId: 'x' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await testDb.prisma.auditLog.count({ where: { action: 'test.rolled-back' } })).toBe(0);
    await testDb.prisma.$transaction(async (tx) => {
      await audit(tx, { actorId: as.admin.id, action: 'test.kept', entityType: 'Test', entityId: 'y', details: { a: 1 } });
    });
    const row = await testDb.prisma.auditLog.findFirstOrThrow({ where: { action: 'test.kept' } });
    expect(row).toMatchObject({ actorId: as.admin.id, entityType: 'Test', entityId: 'y', details: { a: 1 } });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });
});

describe('sign-in', () => {
  it('a successful credentials sign-in writes an auth.sign-in row for that user; a failed one writes none', async () => {
    const { hashPassword } = await import('@/lib/auth/password');
    const { authOptions } = await import('@/lib/auth/options');
    const user = await testDb.prisma.user.create({
      data: { email: 'signin@audit.test', name: 'Sign In', role: 'EDITOR', passwordHash: await hashPassword('correct horse battery') },
      select: { id: true },
    });
    const provider = authOptions.providers.find((p) => p.id === 'credentials') as unknown as {
      options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const req = { headers: {} };
    expect(await provider.options.authorize({ email: 'signin@audit.test', password: 'wrong password!' }, req)).toBeNull();
    expect(await testDb.prisma.auditLog.count({ where: { action: 'auth.sign-in', actorId: user.id } })).toBe(0);
    expect(await provider.options.authorize({ email: 'signin@audit.test', password: 'correct horse battery' }, req)).toMatchObject({ id: user.id });
    const rows = await testDb.prisma.auditLog.findMany({ where: { action: 'auth.sign-in', actorId: user.id }, select: { entityType: true, entityId: true, details: true } });
    expect(rows).toEqual([{ entityType: 'User', entityId: user.id, details: { method: 'credentials' } }]);
    const viewer = await list(as.admin, { action: 'auth.sign-in', actor: user.id });
    expect(viewer.entries.map((e) => e.actor?.email)).toEqual(['signin@audit.test']);
  });
});
