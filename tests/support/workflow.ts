// Fixtures for the workflow tests: a throwaway database with the seed, the lib/db
// client pointed at it, demo users as session users, and issues to move along.
import type { SessionUser } from '@/lib/auth/session';
import { DEMO_USERS, seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from './db';

export type Who = 'admin' | 'editor' | 'sponsor' | 'contributor';
const globalForDb = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };

export async function setUpWorkflowDatabase(): Promise<{ testDb: TestDatabase; as: Record<Who, SessionUser> }> {
  const testDb = await createTestDatabase();
  await seed(testDb.prisma, { now: new Date('2025-11-20T12:00:00Z') });
  delete globalForDb.__db;
  process.env.DATABASE_URL = testDb.url;
  const as = {} as Record<Who, SessionUser>;
  for (const key of ['admin', 'editor', 'sponsor', 'contributor'] as const) {
    const u = await testDb.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USERS[key].email },
      select: { id: true, email: true, name: true, role: true, organisationId: true, personId: true },
    });
    as[key] = { ...u, active: true };
  }
  return { testDb, as };
}

export async function tearDownWorkflowDatabase(testDb: TestDatabase | undefined) {
  await globalForDb.__db?.$disconnect();
  delete globalForDb.__db;
  await testDb?.drop();
}

let counter = 0;
export const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });

/**
 * An issue with an intro, an article with an image (described in the library) and an
 * event list with one complete event: everything the publish gate wants except the
 * intro's approval.
 */
export async function makeIssue(testDb: TestDatabase, opts: { createdById?: string; status?: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'SCHEDULED' | 'PUBLISHED' } = {}) {
  const n = ++counter;
  const p = testDb.prisma;
  const media = await p.media.create({
    data: { fileName: `wf-${n}-${Date.now()}.webp`, mimeType: 'image/webp', width: 10, height: 10, bytes: 100, alt: 'A chart of referrals' },
    select: { fileName: true, id: true },
  });
  const event = await p.event.create({
    data: {
      slug: `wf-event-${n}-${Date.now()}`,
      title: `Workflow masterclass ${n}`,
      description: text('A masterclass.'),
      mode: 'ONLINE',
      registrationUrl: 'https://example.org/book',
      sessions: { create: [{ startsAt: new Date('2026-12-10T10:00:00Z'), endsAt: new Date('2026-12-10T12:00:00Z') }] },
    },
    select: { id: true, slug: true },
  });
  const issue = await p.issue.create({
    data: {
      slug: `workflow-issue-${n}-${Date.now()}`,
      title: `Workflow issue ${n}`,
      month: new Date(Date.UTC(2030 + n, 11, 1)),
      status: opts.status ?? 'DRAFT',
      createdById: opts.createdById ?? null,
      sections: {
        create: [
          { position: 0, kind: 'INTRO', title: 'Welcome', body: text('Welcome to the December issue.'), signOff: 'Kind regards' },
          {
            position: 1,
            kind: 'ARTICLE',
            title: 'News',
            body: { type: 'doc', content: [{ type: 'image', attrs: { src: `/media/${media.fileName}`, alt: 'A chart of referrals' } }] },
          },
          { position: 2, kind: 'EVENT_LIST', title: 'Events', body: { type: 'doc', content: [] } },
        ],
      },
    },
    select: { id: true, slug: true, title: true, sections: { orderBy: { position: 'asc' }, select: { id: true, kind: true } } },
  });
  await p.sectionEvent.create({ data: { sectionId: issue.sections[2]!.id, eventId: event.id, position: 0 } });
  return { ...issue, introId: issue.sections[0]!.id, articleId: issue.sections[1]!.id, eventId: event.id, media };
}

/** Rows in pg-boss's job table (all partitions), by queue name. */
export async function jobs(testDb: TestDatabase, name: string) {
  return testDb.prisma.$queryRawUnsafe<{ id: string; data: Record<string, unknown>; state: string; start_after: Date; singleton_key: string | null; output: unknown; retry_count: number }[]>(
    `SELECT id::text, data, state::text, start_after, singleton_key, output, retry_count FROM pgboss.job WHERE name = $1 ORDER BY created_on`,
    name,
  );
}
