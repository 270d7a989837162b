import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { interleavingClient } from '../support/interleave';

// Public reads while another session deletes: Prisma reads each level of a nested
// select with its own query, so a row deleted between two of them used to come back
// as null inside a required relation and the page failed with a 500 ("Cannot read
// properties of null (reading 'publication')" on an event page, "(reading 'title')"
// on an issue page). Each test deletes exactly between two of a read's queries; the
// read must answer from one consistent state (lib/data/snapshot.ts).

const NOW = new Date('2026-12-03T09:00:00Z');
const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
const from = (table: string) => new RegExp(`FROM "public"\\."${table}"`);
let testDb: TestDatabase;
let reader: ReturnType<typeof interleavingClient>;
let serial = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  // lib/db.ts uses this client: the app's reads go through the interleaving adapter.
  reader = interleavingClient(testDb.url);
  (globalThis as { __db?: unknown }).__db = reader.prisma;
});

beforeEach(() => {
  expect(reader.pendingSteps()).toBe(0);
});

afterAll(async () => {
  await reader?.prisma.$disconnect();
  await testDb?.drop();
});

/** A published issue (with its snapshot) whose event-list section features `eventIds`. */
async function publishedIssue(month: string, eventIds: string[]) {
  const n = ++serial;
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: `race-issue-${n}`,
      title: `Race issue ${n}`,
      summary: `Summary ${n}`,
      month: new Date(month),
      status: 'PUBLISHED',
      publishedAt: NOW,
      sections: {
        create: [
          { position: 0, kind: 'ARTICLE', title: `Article ${n}`, body: text(`Words of issue ${n}`) },
          {
            position: 1,
            kind: 'EVENT_LIST',
            title: 'Events',
            body: { type: 'doc', content: [] },
            events: { create: eventIds.map((eventId, position) => ({ eventId, position })) },
          },
        ],
      },
    },
    select: { id: true, slug: true, title: true, sections: { where: { kind: 'EVENT_LIST' }, select: { id: true } } },
  });
  await testDb.prisma.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
  return { id: issue.id, slug: issue.slug, title: issue.title, listId: issue.sections[0]!.id };
}

async function event(topicName?: string) {
  const n = ++serial;
  return testDb.prisma.event.create({
    data: {
      slug: `race-event-${n}`,
      title: `Race event ${n}`,
      description: text(`About event ${n}`),
      mode: 'ONLINE',
      sessions: { create: { startsAt: new Date('2027-01-10T10:00:00Z'), endsAt: new Date('2027-01-10T12:00:00Z') } },
      ...(topicName && { topics: { create: { topic: { create: { name: topicName, slug: `race-topic-${n}` } } } } }),
    },
    select: { id: true, slug: true, title: true },
  });
}

const deleteIssue = (id: string) => async () => {
  // What the e2e fixtures' clean-up does while other specs read the public pages.
  await testDb.prisma.$executeRaw`DELETE FROM "Issue" WHERE id = ${id}::uuid`;
};

describe('a public read while rows are deleted', () => {
  // After the section or publication query the reference came back null (a TypeError,
  // so a 500); after the first one the issue went missing from a page that listed it.
  it.each(['PublishedSectionEvent', 'PublishedSection', 'IssuePublication'])('event page: an issue featuring the event is deleted after the %s query', async (table) => {
    const e = await event();
    const kept = await publishedIssue('2027-01-01T00:00:00Z', [e.id]);
    const gone = await publishedIssue('2027-02-01T00:00:00Z', [e.id]);
    const { getPublicEvent } = await import('@/lib/data/events');

    reader.afterQuery(from(table), deleteIssue(gone.id));
    const page = await getPublicEvent(e.slug);
    expect(reader.pendingSteps()).toBe(0);
    // The state when the read began: both issues; the next read has only the one left.
    expect(page?.featuredIn.map((i) => i.slug)).toEqual([gone.slug, kept.slug]);
    expect((await getPublicEvent(e.slug))?.featuredIn.map((i) => i.slug)).toEqual([kept.slug]);
  });

  it('issue page: an event is taken out, republished and deleted between its queries', async () => {
    const [staying, leaving] = [await event(), await event()];
    const issue = await publishedIssue('2027-03-01T00:00:00Z', [staying.id, leaving.id]);
    const editor = await testDb.prisma.user.create({
      data: { email: `race-editor-${serial}@example.org`, name: 'Race Editor', role: 'EDITOR' },
      select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
    });
    const { getPublishedIssue } = await import('@/lib/data/issues');
    const { deleteEvent } = await import('@/lib/data/events-admin');

    reader.afterQuery(from('PublishedSectionEvent'), async () => {
      await testDb.prisma.sectionEvent.delete({ where: { sectionId_eventId: { sectionId: issue.listId, eventId: leaving.id } } });
      await testDb.prisma.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, new Date()));
      await deleteEvent(editor as SessionUser, leaving.id);
    });
    const page = await getPublishedIssue(issue.slug);
    expect(reader.pendingSteps()).toBe(0);
    expect(await testDb.prisma.event.count({ where: { id: leaving.id } })).toBe(0);
    const titles = (p: typeof page) => p?.sections.flatMap((s) => s.events.map(({ event: ev }) => ev?.title ?? null));
    expect(titles(page)).toEqual([staying.title, leaving.title]);
    expect(titles(await getPublishedIssue(issue.slug))).toEqual([staying.title]);
  });

  it('events listing: a topic is deleted between the event-topic and topic queries', async () => {
    const e = await event('Race topic');
    await publishedIssue('2027-04-01T00:00:00Z', [e.id]);
    const { listPublicEvents } = await import('@/lib/data/events');

    reader.afterQuery(from('EventTopic'), async () => {
      await testDb.prisma.$executeRaw`DELETE FROM "Topic" WHERE name = 'Race topic'`;
    });
    const { events } = await listPublicEvents({ when: 'upcoming', now: NOW, limit: 100 });
    expect(reader.pendingSteps()).toBe(0);
    expect(events.find((c) => c.slug === e.slug)?.topics.map((t) => t.topic?.name ?? null)).toEqual(['Race topic']);
  });

  it('archive, home page and neighbours: the issue is deleted after it was found', async () => {
    const issues = await import('@/lib/data/issues');
    const listed = await publishedIssue('2027-05-01T00:00:00Z', []);
    reader.afterQuery(from('Issue'), deleteIssue(listed.id));
    const archive = await issues.listPublishedIssues();
    expect(reader.pendingSteps()).toBe(0);
    expect(archive.find((i) => i.slug === listed.slug)).toMatchObject({ title: listed.title, summary: expect.stringMatching(/^Summary/) });

    const latest = await publishedIssue('2099-01-01T00:00:00Z', []);
    reader.afterQuery(from('Issue'), deleteIssue(latest.id));
    expect(await issues.getLatestIssue()).toMatchObject({ slug: latest.slug, title: latest.title, sections: [{ title: expect.stringMatching(/^Article/) }] });
    expect(reader.pendingSteps()).toBe(0);

    const before = await publishedIssue('2098-01-01T00:00:00Z', []);
    reader.afterQuery(from('Issue'), deleteIssue(before.id));
    const { previous } = await issues.getIssueNeighbours(new Date('2098-06-01T00:00:00Z'), 'any');
    expect(reader.pendingSteps()).toBe(0);
    expect(previous).toEqual({ slug: before.slug, title: before.title });
  });

  it('feed and sitemap: the issue is deleted between their queries', async () => {
    const { listIssuesForFeed, listSitemapEntries } = await import('@/lib/data/feeds');
    const inFeed = await publishedIssue('2097-01-01T00:00:00Z', []);
    reader.afterQuery(from('Issue'), deleteIssue(inFeed.id));
    const feed = await listIssuesForFeed();
    expect(reader.pendingSteps()).toBe(0);
    expect(feed.find((i) => i.slug === inFeed.slug)).toMatchObject({ title: inFeed.title });

    const inSitemap = await publishedIssue('2097-02-01T00:00:00Z', []);
    reader.afterQuery(from('IssuePublication'), deleteIssue(inSitemap.id));
    const sitemap = await listSitemapEntries();
    expect(reader.pendingSteps()).toBe(0);
    expect(sitemap.issues.map((i) => i.slug)).toContain(inSitemap.slug);
  });

  it('preview link: an event in a working section is deleted between its queries', async () => {
    const [staying, leaving] = [await event(), await event()];
    const issue = await testDb.prisma.issue.create({
      data: {
        slug: `race-draft-${++serial}`,
        title: 'Race draft',
        month: new Date('2027-06-01T00:00:00Z'),
        sections: {
          create: {
            position: 0,
            kind: 'EVENT_LIST',
            title: 'Events',
            body: { type: 'doc', content: [] },
            events: { create: [{ eventId: staying.id, position: 0 }, { eventId: leaving.id, position: 1 }] },
          },
        },
      },
      select: { id: true },
    });
    const links = await import('@/lib/data/access-links');
    const token = 'r'.repeat(43);
    await testDb.prisma.accessToken.create({
      data: { purpose: 'ISSUE_PREVIEW', tokenHash: links.hashAccessToken(token), issueId: issue.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });

    reader.afterQuery(from('SectionEvent'), async () => {
      await testDb.prisma.$transaction([
        testDb.prisma.sectionEvent.deleteMany({ where: { eventId: leaving.id } }),
        testDb.prisma.event.delete({ where: { id: leaving.id } }),
      ]);
    });
    const view = await links.getPreviewLinkView(token);
    expect(reader.pendingSteps()).toBe(0);
    expect(view.ok && view.issue.sections.flatMap((s) => s.events.map(({ event: ev }) => ev?.title ?? null))).toEqual([staying.title, leaving.title]);
  });
});
