import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Decision 017: readers see the snapshot written at publication, not the working sections.
const NOW = new Date('2026-12-03T09:00:00Z');
const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('publication snapshot', () => {
  it('keeps the published text until a new snapshot is written, and leaves out empty sections', async () => {
    const p = testDb.prisma;
    const issue = await p.issue.create({
      data: {
        slug: 'snapshot-issue',
        title: 'Snapshot issue',
        month: new Date('2026-12-01T00:00:00Z'),
        status: 'PUBLISHED',
        publishedAt: NOW,
        sections: {
          create: [
            { position: 0, kind: 'INTRO', title: 'Introduction', body: text('Signed words') },
            { position: 1, kind: 'ARTICLE', title: 'Empty article', body: { type: 'doc', content: [] } },
          ],
        },
      },
      select: { id: true, sections: { where: { position: 0 }, select: { id: true } } },
    });
    const first = await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
    expect(first.revision).toBe(1);

    await p.section.update({ where: { id: issue.sections[0]!.id }, data: { body: text('Unapproved words') } });
    const { getPublishedIssue } = await import('@/lib/data/issues');
    const live = await getPublishedIssue('snapshot-issue');
    expect(live?.sections.map((s) => s.title)).toEqual(['Introduction']);
    expect(JSON.stringify(live?.sections[0]?.body)).toContain('Signed words');

    const second = await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
    expect(second.revision).toBe(2);
    const republished = await getPublishedIssue('snapshot-issue');
    expect(JSON.stringify(republished?.sections[0]?.body)).toContain('Unapproved words');
    expect(await p.issuePublication.count({ where: { issueId: issue.id, current: true } })).toBe(1);
  });
});

describe('every public read shows the current publication', () => {
  const editor = { id: '', email: 'snap-editor@example.org', name: 'Snap Editor', role: 'EDITOR', active: true, organisationId: null, personId: null } as const;

  async function event(slug: string, sectionId: string) {
    return testDb.prisma.event.create({
      data: {
        slug,
        title: `Event ${slug}`,
        description: text(slug),
        mode: 'ONLINE',
        sessions: { create: { startsAt: new Date('2027-01-10T10:00:00Z'), endsAt: new Date('2027-01-10T12:00:00Z') } },
        sections: { create: { sectionId, position: 0 } },
      },
      select: { id: true, slug: true },
    });
  }

  it('archive, neighbours, search, events, sitemap: an edit waits for the next publication', async () => {
    const p = testDb.prisma;
    const issue = await p.issue.create({
      data: {
        slug: 'live-reads',
        title: 'Published title',
        summary: 'Published summary',
        month: new Date('2027-01-01T00:00:00Z'),
        status: 'PUBLISHED',
        publishedAt: NOW,
        sections: {
          create: [
            { position: 0, kind: 'ARTICLE', title: 'Published heading', body: text('Okapiology explained') },
            { position: 1, kind: 'EVENT_LIST', title: 'Events', body: { type: 'doc', content: [] } },
          ],
        },
      },
      select: { id: true, sections: { orderBy: { position: 'asc' }, select: { id: true } } },
    });
    const [articleId, listId] = issue.sections.map((s) => s.id) as [string, string];
    const kept = await event('kept-event', listId);
    await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));

    // Working edits: title, summary, section text and heading, one event out and one in.
    await p.issue.update({ where: { id: issue.id }, data: { title: 'Working title', summary: 'Working summary', updatedAt: new Date('2027-02-01T00:00:00Z') } });
    await p.section.update({ where: { id: articleId }, data: { title: 'Working heading', body: text('Tapirology instead') } });
    await p.sectionEvent.delete({ where: { sectionId_eventId: { sectionId: listId, eventId: kept.id } } });
    await event('added-event', listId);

    const { listPublishedIssues, getLatestIssue, getIssueNeighbours } = await import('@/lib/data/issues');
    const { searchPublished } = await import('@/lib/data/search');
    const { getPublicEvent, listPublicEvents } = await import('@/lib/data/events');
    const { listSitemapEntries } = await import('@/lib/data/feeds');

    const archived = (await listPublishedIssues()).find((i) => i.slug === 'live-reads');
    expect(archived).toMatchObject({ title: 'Published title', summary: 'Published summary' });
    expect(await getLatestIssue()).toMatchObject({ slug: 'live-reads', title: 'Published title', summary: 'Published summary' });
    const { previous } = await getIssueNeighbours(new Date('2027-02-01T00:00:00Z'), 'zzz');
    expect(previous).toEqual({ slug: 'live-reads', title: 'Published title' });

    const found = await searchPublished('okapiology');
    expect(found.issues).toEqual([
      { issue: { slug: 'live-reads', title: 'Published title', month: new Date('2027-01-01T00:00:00Z') }, hits: [expect.objectContaining({ title: 'Published heading', url: '/issues/live-reads#published-heading' })] },
    ]);
    expect((await searchPublished('tapirology')).total).toBe(0);
    expect((await searchPublished('"Working heading"')).total).toBe(0);
    expect((await searchPublished('kept-event')).events.map((e) => e.url)).toEqual(['/events/kept-event']);
    expect((await searchPublished('added-event')).total).toBe(0);

    expect((await getPublicEvent('kept-event'))?.featuredIn).toEqual([{ slug: 'live-reads', title: 'Published title', month: new Date('2027-01-01T00:00:00Z') }]);
    expect(await getPublicEvent('added-event')).toBeNull();
    const upcoming = (await listPublicEvents({ when: 'upcoming', now: NOW })).events.map((e) => e.slug);
    expect(upcoming).toEqual(['kept-event']);

    const sitemap = await listSitemapEntries();
    expect(sitemap.issues).toContainEqual({ slug: 'live-reads', updatedAt: NOW });
    expect(sitemap.events.map((e) => e.slug)).toEqual(['kept-event']);

    // An event that only the live publication still shows cannot be deleted yet.
    const { deleteEvent } = await import('@/lib/data/events-admin');
    const user = await p.user.create({ data: { email: editor.email, name: editor.name, role: 'EDITOR' }, select: { id: true } });
    await expect(deleteEvent({ ...editor, id: user.id }, kept.id)).rejects.toMatchObject({ code: 'conflict' });

    // Publishing the changes switches every read.
    const later = new Date('2027-02-02T00:00:00Z');
    await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, later));
    expect((await listPublishedIssues()).find((i) => i.slug === 'live-reads')).toMatchObject({ title: 'Working title', summary: 'Working summary' });
    expect((await searchPublished('tapirology')).issues[0]?.hits.map((h) => h.url)).toEqual(['/issues/live-reads#working-heading']);
    expect((await searchPublished('okapiology')).total).toBe(0);
    expect(await getPublicEvent('kept-event')).toBeNull();
    expect((await getPublicEvent('added-event'))?.featuredIn.map((i) => i.title)).toEqual(['Working title']);
    expect((await listSitemapEntries()).issues).toContainEqual({ slug: 'live-reads', updatedAt: later });

    // Only a past publication refers to it now: deleting works and drops that reference.
    await deleteEvent({ ...editor, id: user.id }, kept.id);
    expect(await p.event.count({ where: { id: kept.id } })).toBe(0);
  });
});
