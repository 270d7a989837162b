import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/prisma/seed/index';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Only PUBLISHED issues, and the events they feature, reach any public surface:
// pages' data, the events listing, per-event and feed calendars, Atom and the sitemap.

const NOW = new Date('2026-11-24T12:00:00Z');
const HIDDEN_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ARCHIVED'] as const;

let testDb: TestDatabase;

async function issueWithEvent(status: string, word: string) {
  const p = testDb.prisma;
  const issue = await p.issue.create({
    data: {
      slug: `visibility-${word}`,
      title: `Visibility ${word}`,
      month: new Date('2026-12-01T00:00:00Z'),
      status: status as never,
      publishedAt: status === 'PUBLISHED' ? NOW : null,
      sections: {
        create: {
          position: 0,
          kind: 'EVENT_LIST',
          title: `Events ${word}`,
          body: { type: 'doc', content: [] },
        },
      },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  const topic = await p.topic.create({ data: { slug: `topic-${word}`, name: `Topic ${word}` } });
  const event = await p.event.create({
    data: {
      slug: `event-${word}`,
      title: `Event ${word}`,
      description: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: word }] }] },
      mode: 'ONLINE',
      sessions: { create: { startsAt: new Date('2026-12-10T10:00:00Z'), endsAt: new Date('2026-12-10T12:00:00Z') } },
      topics: { create: { topicId: topic.id } },
      sections: { create: { sectionId: issue.sections[0]!.id, position: 0 } },
    },
  });
  // Readers see the publication snapshot (decision 017), written as the publish step does.
  if (status === 'PUBLISHED') await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
  return { issue, event };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  process.env.SITE_URL = 'https://bulletin.example.org';
  await seed(testDb.prisma, { now: NOW });
  await issueWithEvent('PUBLISHED', 'visiblepublished');
  for (const status of HIDDEN_STATUSES) await issueWithEvent(status, `hidden${status.toLowerCase().replace('_', '')}`);
});

afterAll(async () => {
  await testDb?.drop();
});

const hiddenWords = HIDDEN_STATUSES.map((s) => `hidden${s.toLowerCase().replace('_', '')}`);

describe('only published content is public', () => {
  it('issue data: lists, latest and single issue', async () => {
    const { listPublishedIssues, getPublishedIssue, getLatestIssue } = await import('@/lib/data/issues');
    const slugs = (await listPublishedIssues()).map((i) => i.slug);
    expect(slugs).toEqual(['visibility-visiblepublished', 'regional-update-october-2025', 'regional-update-june-2024']);
    expect((await getLatestIssue())?.slug).toBe('visibility-visiblepublished');
    for (const word of hiddenWords) expect(await getPublishedIssue(`visibility-${word}`)).toBeNull();
    expect(await getPublishedIssue('visibility-visiblepublished')).not.toBeNull();
    // The seed's demo draft is not public either.
    expect(slugs.some((s) => s.startsWith('demo-'))).toBe(false);
  });

  it('event data: listing, single event and filter options', async () => {
    const { listPublicEvents, getPublicEvent, listEventFilterOptions } = await import('@/lib/data/events');
    const upcoming = await listPublicEvents({ when: 'upcoming', now: NOW });
    expect(upcoming.events.map((e) => e.slug)).toEqual(['event-visiblepublished']);
    const past = await listPublicEvents({ when: 'past', now: NOW, limit: 100 });
    expect(past.total).toBe(11); // 2 June 2024 + 9 October 2025 events
    for (const word of hiddenWords) expect(await getPublicEvent(`event-${word}`)).toBeNull();
    const options = await listEventFilterOptions();
    expect(options.topics.map((t) => t.slug)).toContain('topic-visiblepublished');
    for (const word of hiddenWords) expect(options.topics.map((t) => t.slug)).not.toContain(`topic-${word}`);
  });

  it('the iCal feed and per-event calendars', async () => {
    const feed = await (await import('@/app/events.ics/route')).GET(new Request('https://bulletin.example.org/events.ics'));
    const ics = await feed.text();
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics).toContain('SUMMARY:Event visiblepublished');
    for (const word of hiddenWords) expect(ics).not.toContain(word);

    const { GET } = await import('@/app/(public)/events/[slug]/calendar.ics/route');
    const get = (slug: string) => GET(new Request(`https://x/events/${slug}/calendar.ics`), { params: Promise.resolve({ slug }) });
    expect((await get('event-visiblepublished')).status).toBe(200);
    for (const word of hiddenWords) expect((await get(`event-${word}`)).status).toBe(404);

    const bad = await (await import('@/app/events.ics/route')).GET(new Request('https://x/events.ics?mode=teleport'));
    expect(bad.status).toBe(400);
  });

  it('the Atom feed and the sitemap', async () => {
    const atom = await (await (await import('@/app/feed.xml/route')).GET()).text();
    expect(atom).toContain('<title type="html"><![CDATA[Visibility visiblepublished]]></title>');
    expect(atom).toContain('https://bulletin.example.org/issues/regional-update-october-2025');
    for (const word of hiddenWords) expect(atom).not.toContain(word);
    expect(atom).not.toContain('demo-regional-update');

    const entries = await (await import('@/app/sitemap')).default();
    const urls = entries.map((e) => e.url);
    expect(urls).toContain('https://bulletin.example.org/issues/regional-update-june-2024');
    expect(urls).toContain('https://bulletin.example.org/events/event-visiblepublished');
    for (const word of hiddenWords) expect(urls.join(' ')).not.toContain(word);
    expect(urls.join(' ')).not.toContain('demo-');
  });
});
