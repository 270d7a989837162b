import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitHighlights } from '@/components/search/highlighted-snippet';
import type { SearchResults } from '@/lib/data/search';
import { uniqueSlugs } from '@/lib/slug';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  normaliseSearchQuery,
  parseSearchQuery,
  SEARCH_QUERY_MAX_LENGTH,
} from '@/lib/validation/search';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import { seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Full-text search over published content: the trigger-maintained vectors of
// migration *_search and lib/data/search.ts, against the real bulletins.

const NOW = new Date('2025-10-24T12:00:00Z');
const DEMO_ISSUE = 'demo-regional-update-october-2025';

let testDb: TestDatabase;
let searchPublished: (query: string, opts?: { limit?: number }) => Promise<SearchResults>;

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

let monthCounter = 0;
/** A new issue (own month) with the given sections, each optionally featuring an event. */
async function createIssue(
  slug: string,
  status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED',
  sections: { title: string; body: ReturnType<typeof doc>; event?: { slug: string; title: string; text: string } }[],
) {
  monthCounter += 1;
  const month = new Date(Date.UTC(2030, monthCounter, 1));
  const issue = await testDb.prisma.issue.create({
    data: {
      slug,
      title: `Test issue ${slug}`,
      month,
      status,
      publishedAt: status === 'PUBLISHED' ? NOW : null,
      sections: {
        create: sections.map((s, position) => ({
          position,
          kind: s.event ? 'EVENT_LIST' : 'ARTICLE',
          title: s.title,
          body: s.body,
        })),
      },
    },
    select: { id: true, sections: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  for (const [i, s] of sections.entries()) {
    if (!s.event) continue;
    await testDb.prisma.event.create({
      data: {
        slug: s.event.slug,
        title: s.event.title,
        description: doc(s.event.text),
        mode: 'ONLINE',
        platform: 'Microsoft Teams',
        sessions: { create: { startsAt: new Date('2030-06-10T10:00:00Z'), endsAt: new Date('2030-06-10T12:00:00Z') } },
        sections: { create: { sectionId: issue.sections[i]!.id, position: 0 } },
      },
    });
  }
  if (status === 'PUBLISHED') await publish(issue.id);
  return issue;
}

/** Readers (and search) see the publication snapshot (decision 017), written as the publish step does. */
const publish = (issueId: string) => testDb.prisma.$transaction((tx) => writePublicationSnapshot(tx, issueId, null, NOW));

const sectionTitles = (r: SearchResults) => r.issues.flatMap((g) => g.hits.map((h) => h.title));
const eventUrls = (r: SearchResults) => r.events.map((e) => e.url);
const allUrls = (r: SearchResults) => [...r.issues.flatMap((g) => g.hits.map((h) => h.url)), ...eventUrls(r)];

beforeAll(async () => {
  testDb = await createTestDatabase();
  // lib/db reads DATABASE_URL on first use, so set it before the first query.
  process.env.DATABASE_URL = testDb.url;
  await seed(testDb.prisma, { now: NOW });
  ({ searchPublished } = await import('@/lib/data/search'));
});

afterAll(async () => {
  await testDb?.drop();
});

describe('search index (trigger)', () => {
  it('fills searchText and a weighted searchVector for seeded sections and events', async () => {
    const [section] = await testDb.prisma.$queryRaw<{ searchText: string; vector: string }[]>`
      SELECT "searchText", "searchVector"::text AS vector FROM "Section" WHERE title = 'Follow us on LinkedIn'`;
    expect(section!.searchText.startsWith('Follow us on LinkedIn\n')).toBe(true);
    expect(section!.vector).toMatch(/'linkedin':\d+A/);
    const missing = await testDb.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM "Section" WHERE "searchVector" IS NULL OR "searchText" IS NULL)
           + (SELECT count(*) FROM "PublishedSection" WHERE "searchVector" IS NULL OR "searchText" IS NULL)
           + (SELECT count(*) FROM "Event" WHERE "searchVector" IS NULL OR "searchText" IS NULL) AS n`;
    expect(Number(missing[0]!.n)).toBe(0);
    const [event] = await testDb.prisma.$queryRaw<{ vector: string }[]>`
      SELECT "searchVector"::text AS vector FROM "Event" WHERE slug = 'regional-safeguarding-conference-2025'`;
    expect(event!.vector).toMatch(/'confer':\d+A,/); // title (A), then the description (B)
    expect(event!.vector).toMatch(/'cricket':\d+B,\d+C/); // description (B) and venue (C)
  });

  it('keeps the index current when a section or event is edited', async () => {
    const issue = await createIssue('trigger-test', 'PUBLISHED', [
      { title: 'Trigger test', body: doc('The original wording mentions aardvarkology.') },
    ]);
    expect(sectionTitles(await searchPublished('aardvarkology'))).toEqual(['Trigger test']);

    await testDb.prisma.section.update({
      where: { id: issue.sections[0]!.id },
      data: { body: doc('Rewritten to talk about bandicootery instead.') },
    });
    // A working edit is not searchable until it is published.
    expect(sectionTitles(await searchPublished('aardvarkology'))).toEqual(['Trigger test']);
    expect((await searchPublished('bandicootery')).total).toBe(0);
    await publish(issue.id);
    expect((await searchPublished('aardvarkology')).total).toBe(0);
    expect(sectionTitles(await searchPublished('bandicootery'))).toEqual(['Trigger test']);

    await testDb.prisma.section.update({
      where: { id: issue.sections[0]!.id },
      data: { title: 'Capybaralogy corner' },
    });
    await publish(issue.id);
    expect(sectionTitles(await searchPublished('capybaralogy'))).toEqual(['Capybaralogy corner']);
    expect((await searchPublished('trigger')).total).toBe(0);

    // An update that leaves title and body alone keeps the stored values.
    await testDb.prisma.section.update({ where: { id: issue.sections[0]!.id }, data: { version: { increment: 1 } } });
    const [kept] = await testDb.prisma.$queryRaw<{ searchText: string }[]>`
      SELECT "searchText" FROM "Section" WHERE id = ${issue.sections[0]!.id}::uuid`;
    expect(kept!.searchText).toContain('bandicootery');

    await testDb.prisma.event.update({
      where: { slug: 'naming-the-silence-identity-in-safeguarding-2025' },
      data: { venueName: 'Dormouseborough Hall' },
    });
    expect(eventUrls(await searchPublished('dormouseborough'))).toEqual([
      '/events/naming-the-silence-identity-in-safeguarding-2025',
    ]);
  });
});

describe('searchPublished', () => {
  it('finds the safeguarding events, highlighted, with their public URLs', async () => {
    const r = await searchPublished('safeguarding');
    expect(r.searchable).toBe(true);
    expect(eventUrls(r)).toEqual(
      expect.arrayContaining([
        '/events/regional-safeguarding-conference-2025',
        '/events/naming-the-silence-identity-in-safeguarding-2025',
      ]),
    );
    // Title matches (weight A) first.
    expect(eventUrls(r).slice(0, 2).sort()).toEqual([
      '/events/naming-the-silence-identity-in-safeguarding-2025',
      '/events/regional-safeguarding-conference-2025',
    ]);
    const conference = r.events.find((e) => e.url === '/events/regional-safeguarding-conference-2025')!;
    expect(conference.title).toBe('Regional Safeguarding Conference');
    expect(conference.snippet).toContain(`${HIGHLIGHT_START}Safeguarding${HIGHLIGHT_END}`);
    expect(conference.firstStartsAt).toEqual(new Date('2025-11-27T00:00:00Z'));
    expect(r.total).toBe(r.sectionTotal + r.eventTotal);
    expect(r.eventTotal).toBe(r.events.length);
  });

  it('links section hits to the issue page anchor (uniqueSlugs over the issue’s titles)', async () => {
    const r = await searchPublished('linkedin');
    const hit = r.issues.flatMap((g) => g.hits).find((h) => h.title === 'Follow us on LinkedIn');
    expect(hit).toBeDefined();
    const issue = await testDb.prisma.issue.findUniqueOrThrow({
      where: { slug: 'regional-update-october-2025' },
      select: { sections: { orderBy: { position: 'asc' }, select: { title: true } } },
    });
    const titles = issue.sections.map((s) => s.title);
    const anchor = uniqueSlugs(titles)[titles.indexOf('Follow us on LinkedIn')];
    expect(hit!.url).toBe(`/issues/regional-update-october-2025#${anchor}`);
    expect(hit!.url).toBe('/issues/regional-update-october-2025#follow-us-on-linkedin');
  });

  it('computes duplicate-title anchors like the issue page ("…-2")', async () => {
    await createIssue('anchor-test', 'PUBLISHED', [
      { title: 'Updates', body: doc('Nothing special here.') },
      { title: 'Updates', body: doc('The second one mentions pangolinade.') },
    ]);
    const [hit] = (await searchPublished('pangolinade')).issues[0]!.hits;
    expect(hit!.url).toBe('/issues/anchor-test#updates-2');
  });

  it('ranks a title match above a body-only match', async () => {
    await createIssue('rank-test', 'PUBLISHED', [
      { title: 'General regional news', body: doc('Quokkafish sightings reported by teams this month.') },
      { title: 'Quokkafish sightings reported', body: doc('General regional news by teams this month.') },
    ]);
    const r = await searchPublished('quokkafish');
    expect(r.issues).toHaveLength(1);
    const hits = r.issues[0]!.hits;
    expect(hits.map((h) => h.title)).toEqual(['Quokkafish sightings reported', 'General regional news']);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
  });

  it('groups section hits by issue, newest issue first', async () => {
    const r = await searchPublished('regional');
    const months = r.issues.map((g) => g.issue.month.getTime());
    expect(months).toEqual([...months].sort((a, b) => b - a));
    expect(new Set(r.issues.map((g) => g.issue.slug)).size).toBe(r.issues.length);
    for (const g of r.issues) {
      const ranks = g.hits.map((h) => h.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });

  it('matches word forms (stemming): "conferences" finds "Conference"', async () => {
    const r = await searchPublished('conferences');
    expect(r.events.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        'Regional Safeguarding Conference',
        'Quality Assurance Conference',
        'Innovate and Grow Conference 2026',
      ]),
    );
  });

  it('understands web-search syntax: phrases, -exclusions and or', async () => {
    expect(eventUrls(await searchPublished('"naming the silence"'))).toEqual([
      '/events/naming-the-silence-identity-in-safeguarding-2025',
    ]);
    expect((await searchPublished('"silence naming"')).total).toBe(0);

    const excluded = eventUrls(await searchPublished('conference -safeguarding'));
    expect(excluded).toContain('/events/seslip-quality-assurance-conference-2025');
    expect(excluded).not.toContain('/events/regional-safeguarding-conference-2025');

    const either = await searchPublished('aardvarkology or quokkafish or bandicootery');
    expect(sectionTitles(either).sort()).toEqual([
      'Capybaralogy corner',
      'General regional news',
      'Quokkafish sightings reported',
    ]);
    expect((await searchPublished('quokkafish bandicootery')).total).toBe(0); // words are ANDed
  });

  it('never shows content of unpublished issues or their events', async () => {
    // The seed's demo draft issue and its demo events.
    for (const q of [
      'demo',
      'reflective supervision workshop',
      'participation leads workshop',
      'regional practice conference',
    ]) {
      const r = await searchPublished(q);
      expect(r.issues.some((g) => g.issue.slug.startsWith('demo-'))).toBe(false);
      expect(allUrls(r).filter((u) => u.includes('demo-'))).toEqual([]);
    }
    expect(await testDb.prisma.issue.count({ where: { slug: DEMO_ISSUE, status: 'DRAFT' } })).toBe(1);

    for (const status of ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ARCHIVED'] as const) {
      const word = `hiddenword${status.toLowerCase().replace('_', '')}`;
      await createIssue(`hidden-${status.toLowerCase()}`, status, [
        { title: `About ${word}`, body: doc(`Body with ${word}.`) },
        { title: 'Events', body: doc(''), event: { slug: `event-${word}`, title: `Event ${word}`, text: word } },
      ]);
      const r = await searchPublished(word);
      expect(r.total).toBe(0);
      expect(r.issues).toEqual([]);
      expect(r.events).toEqual([]);
    }
  });

  it('follows an issue’s status: publish shows it, unpublish hides it again', async () => {
    const issue = await createIssue('flip-test', 'SCHEDULED', [
      { title: 'Wombatronics explained', body: doc('Everything about wombatronics.') },
      {
        title: 'Events',
        body: doc(''),
        event: { slug: 'wombatronics-day', title: 'Wombatronics Day', text: 'A day of wombatronics.' },
      },
    ]);
    expect((await searchPublished('wombatronics')).total).toBe(0);

    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { status: 'PUBLISHED', publishedAt: NOW } });
    await publish(issue.id);
    const shown = await searchPublished('wombatronics');
    expect(sectionTitles(shown)).toEqual(['Wombatronics explained']);
    expect(eventUrls(shown)).toEqual(['/events/wombatronics-day']);
    expect(shown.total).toBe(2);

    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { status: 'IN_REVIEW' } });
    expect((await searchPublished('wombatronics')).total).toBe(0);
  });

  it('an event stays public while any published issue features it', async () => {
    // Featured by a published issue and by a draft: public once, via the published one.
    const draft = await createIssue('also-features', 'DRAFT', [{ title: 'Events', body: doc('') }]);
    await testDb.prisma.sectionEvent.create({
      data: {
        sectionId: draft.sections[0]!.id,
        eventId: (await testDb.prisma.event.findUniqueOrThrow({ where: { slug: 'lets-talk-about-race-2025' } })).id,
        position: 0,
      },
    });
    expect(eventUrls(await searchPublished('"talk about race"'))).toEqual(['/events/lets-talk-about-race-2025']);
  });

  it('respects the limit but counts every match', async () => {
    const all = await searchPublished('regional', { limit: 100 });
    const few = await searchPublished('regional', { limit: 2 });
    const shown = (r: SearchResults) => r.issues.reduce((n, g) => n + g.hits.length, 0);
    expect(shown(all)).toBeGreaterThan(2);
    expect(shown(few)).toBe(2);
    expect(few.events.length).toBeLessThanOrEqual(2);
    expect(few.sectionTotal).toBe(all.sectionTotal);
    expect(few.eventTotal).toBe(all.eventTotal);
  });

  it('strips marker characters from stored text, so highlights stay balanced', async () => {
    await createIssue('marker-test', 'PUBLISHED', [
      {
        title: 'Odd characters',
        body: doc(`Text with stray ${HIGHLIGHT_END}markers${HIGHLIGHT_START} around numbatiness.`),
      },
    ]);
    const [hit] = (await searchPublished('numbatiness')).issues[0]!.hits;
    expect(hit!.snippet).toContain(`${HIGHLIGHT_START}numbatiness${HIGHLIGHT_END}`);
    expect(hit!.snippet.split(HIGHLIGHT_START).length).toBe(hit!.snippet.split(HIGHLIGHT_END).length);
  });

  it('explains queries with nothing to search for', async () => {
    for (const q of ['', '   ', 'the and of', '"the"', '!!!', ':*', '&|!', "'", '\\']) {
      const r = await searchPublished(q);
      expect(r, q).toMatchObject({ searchable: false, unsearchable: 'no-words', total: 0, issues: [], events: [] });
    }
    expect(await searchPublished('-safeguarding')).toMatchObject({
      searchable: false,
      unsearchable: 'only-exclusions',
    });
    expect(await searchPublished('-safeguarding -conference')).toMatchObject({ unsearchable: 'only-exclusions' });
  });

  it('copes with odd input without throwing', async () => {
    const inputs = [
      '"',
      '"unbalanced quote',
      'safeguarding"',
      '""',
      '-',
      '--',
      'OR',
      'or or or',
      'safeguarding OR',
      'OR safeguarding',
      '😀',
      'safeguarding 😀 conference',
      '<script>alert(1)</script>',
      '\'; DROP TABLE "Section"; --',
      "1' OR '1'='1",
      '$1 $2 ? ?? %s',
      'safeguarding:*',
      'safe:* & conf | !x',
      '(safeguarding',
      'safeguarding)',
      '\\"\\\'',
      'a\u0000b\u0007c',
      '\u202eevil',
      '\ud800 lone surrogate',
      'x'.repeat(5000),
      'safeguarding '.repeat(400),
      Array.from({ length: 300 }, (_, i) => `w${i}`).join(' or '),
    ];
    for (const q of inputs) {
      const r = await searchPublished(q);
      expect(r.query.length, q.slice(0, 20)).toBeLessThanOrEqual(SEARCH_QUERY_MAX_LENGTH);
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    expect((await searchPublished('safeguarding:*')).total).toBeGreaterThan(0); // ":*" is just punctuation here
    expect(await testDb.prisma.section.count()).toBeGreaterThan(0); // and nothing was dropped
  });
});

describe('query validation', () => {
  it('trims, single-spaces, strips control characters and truncates to 500', () => {
    expect(normaliseSearchQuery('  care   leavers \n')).toBe('care leavers');
    expect(normaliseSearchQuery('a\u0000b\tc\u0007d\u009f')).toBe('a b c d');
    expect(normaliseSearchQuery('\u202eabc\u2066')).toBe('abc');
    expect(normaliseSearchQuery(`x${HIGHLIGHT_START}y${HIGHLIGHT_END}z`)).toBe('x y z');
    expect(normaliseSearchQuery('x'.repeat(5000))).toHaveLength(500);
    const emoji = normaliseSearchQuery('😀'.repeat(600));
    expect(Array.from(emoji)).toHaveLength(500);
    expect(emoji).toBe('😀'.repeat(500)); // cut on a code point, not inside a surrogate pair
    expect(normaliseSearchQuery(`${'a'.repeat(499)} b`)).toBe('a'.repeat(499));
  });

  it('reads ?q= as Next.js passes it', () => {
    expect(parseSearchQuery(undefined)).toBe('');
    expect(parseSearchQuery('')).toBe('');
    expect(parseSearchQuery('  safeguarding ')).toBe('safeguarding');
    expect(parseSearchQuery(['first', 'second'])).toBe('first');
    expect(parseSearchQuery([])).toBe('');
    expect(parseSearchQuery(42)).toBe('');
    expect(parseSearchQuery({ q: 'x' })).toBe('');
  });
});

describe('snippet highlighting', () => {
  const S = HIGHLIGHT_START;
  const E = HIGHLIGHT_END;
  it('splits on the markers, tolerating unbalanced ones', () => {
    expect(splitHighlights(`a ${S}b${E} c ${S}d${E}`)).toEqual([
      { text: 'a ', highlight: false },
      { text: 'b', highlight: true },
      { text: ' c ', highlight: false },
      { text: 'd', highlight: true },
    ]);
    expect(splitHighlights('plain <script>')).toEqual([{ text: 'plain <script>', highlight: false }]);
    expect(splitHighlights(`x${E}y ${S}z`)).toEqual([
      { text: 'xy ', highlight: false },
      { text: 'z', highlight: true },
    ]);
    expect(splitHighlights(`${S}${E}`)).toEqual([]);
    expect(splitHighlights('')).toEqual([]);
  });
});
