import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, setDatabaseReachable, type TestDatabase } from '../support/db';

// The section editor's autosave while the database is down (issue 10): the action
// answers with an error the editor retries on (code 500, the kept values), never a
// stack trace; nothing is written; once the database is back the same save lands.
// The editor's side (text kept, "Not saved – retrying") is tests/e2e/editor-ux.spec.ts.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let testDb: TestDatabase;
let save: typeof import('@/lib/actions/sections/save-section').saveSectionAction;
let sectionId: string;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const setDatabaseUp = (up: boolean) => setDatabaseReachable(testDb, up);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  ({ saveSectionAction: save } = await import('@/lib/actions/sections/save-section'));
  const u = await testDb.prisma.user.create({ data: { email: 'down@example.org', name: 'Down editor', role: 'EDITOR' }, select: { id: true } });
  session.user = { id: u.id, email: 'down@example.org', name: 'Down editor', role: 'EDITOR', active: true, organisationId: null, personId: null };
  const issue = await testDb.prisma.issue.create({
    data: { slug: 'down-test', title: 'Down test', month: new Date('2026-12-01T00:00:00Z'), sections: { create: [{ position: 0, kind: 'ARTICLE', title: 'Article', body: doc('Before') }] } },
    select: { sections: { select: { id: true } } },
  });
  sectionId = issue.sections[0]!.id;
});

afterAll(async () => {
  await setDatabaseUp(true).catch(() => {});
  await testDb?.drop();
});

describe('autosave with the database down', () => {
  it('answers an error the editor retries on, keeps the values, writes nothing, and saves once the database is back', async () => {
    const input = { id: sectionId, version: 1, title: 'Article', body: doc('Typed while the database was down.') };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await setDatabaseUp(false);
    try {
      const result = await save(undefined, input);
      expect(result).toMatchObject({ status: 'error', code: 500 });
      expect(result.status === 'error' && result.message).toBe('Something went wrong and nothing was saved. Try again.');
      expect(JSON.stringify(result)).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|pg_/);
      expect(result.status === 'error' && result.values).toMatchObject({ title: 'Article' });
    } finally {
      await setDatabaseUp(true);
      errors.mockRestore();
    }
    const row = await testDb.prisma.section.findUniqueOrThrow({ where: { id: sectionId }, select: { body: true, version: true } });
    expect(row).toEqual({ body: doc('Before'), version: 1 });

    const retried = await save(undefined, input);
    expect(retried).toMatchObject({ status: 'success', data: { version: 2 } });
    expect((await testDb.prisma.section.findUniqueOrThrow({ where: { id: sectionId }, select: { body: true } })).body).toEqual(input.body);
  });
});
