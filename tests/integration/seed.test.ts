import { TZDate } from '@date-fns/tz';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/prisma-client';
import type { BlockNode, InlineNode, RichTextDoc } from '@/lib/rich-text/types';
import { DEMO_USERS } from '@/prisma/seed/demo-users';
import { seed, type SeedSummary } from '@/prisma/seed/index';
import { plainText } from '@/prisma/seed/rich-text';
import { createTestDatabase, type TestDatabase } from '../support/db';

// A fixed "today" for the demo content: Sunday 15 March 2026, London (GMT).
const NOW = new Date('2026-03-15T12:00:00Z');

const JUNE = 'regional-update-june-2024';
const OCTOBER = 'regional-update-october-2025';
const DEMO = 'demo-regional-update-march-2026';

/** An instant as London wall-clock "yyyy-MM-dd HH:mm". */
const london = (d: Date) => {
  const z = new TZDate(d.getTime(), 'Europe/London');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())} ${pad(z.getHours())}:${pad(z.getMinutes())}`;
};
/** A @db.Date value as "yyyy-MM-dd". */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Every application table's rows as JSON text, sorted: the whole database's content. */
async function snapshot(prisma: Db): Promise<Record<string, string[]>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`,
    );
    result[name] = rows.map((r) => r.row);
  }
  return result;
}

const NODE_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'image',
  'horizontalRule',
  'hardBreak',
  'text',
]);
const MARK_TYPES = new Set(['bold', 'italic', 'link']);

type AnyNode = RichTextDoc | BlockNode | InlineNode | { type: 'listItem'; content: BlockNode[] };

/** Node and mark types used anywhere in a document, plus every link href. */
function inventory(node: AnyNode, acc = { nodes: new Set<string>(), marks: new Set<string>(), hrefs: [] as string[] }) {
  acc.nodes.add(node.type);
  if (node.type === 'text') {
    for (const mark of node.marks ?? []) {
      acc.marks.add(mark.type);
      if (mark.type === 'link') acc.hrefs.push(mark.attrs.href);
    }
  }
  if (node.type === 'heading') expect([2, 3, 4]).toContain(node.attrs.level);
  if ('content' in node && Array.isArray(node.content)) {
    for (const child of node.content as AnyNode[]) inventory(child, acc);
  }
  return acc;
}

const paragraphs = (body: unknown) => (body as RichTextDoc).content.filter((n) => n.type === 'paragraph');

describe('seed', () => {
  let db: TestDatabase;
  let prisma: Db;
  let first: SeedSummary;
  let startedAt: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
    startedAt = Date.now();
    first = await seed(prisma, { now: NOW });
    console.info(`seed: first run took ${Date.now() - startedAt} ms`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const issue = (slug: string) =>
    prisma.issue.findUniqueOrThrow({
      where: { slug },
      include: {
        sections: {
          orderBy: { position: 'asc' },
          include: {
            signatory: true,
            bylines: { include: { person: true } },
            bylineOrganisation: true,
            events: { orderBy: { position: 'asc' }, include: { event: true } },
          },
        },
      },
    });

  const event = (slug: string) =>
    prisma.event.findUniqueOrThrow({
      where: { slug },
      include: {
        organiser: true,
        sessions: { orderBy: { startsAt: 'asc' } },
        presenters: { orderBy: { position: 'asc' }, include: { person: true } },
        topics: { include: { topic: true } },
      },
    });

  it('reports what it created', () => {
    expect(first.issues.created).toEqual([JUNE, OCTOBER]);
    expect(first.demoIssue.created).toBe(DEMO);
    expect(first.events).toEqual({ created: 14, existing: 0 });
    expect(first.users.created).toHaveLength(4);
    expect(first.users.skipped).toEqual([]);
  });

  it('creates the two published bulletins and one demo draft', async () => {
    const issues = await prisma.issue.findMany({ orderBy: { month: 'asc' } });
    expect(issues.map((i) => [i.slug, i.status])).toEqual([
      [JUNE, 'PUBLISHED'],
      [OCTOBER, 'PUBLISHED'],
      [DEMO, 'DRAFT'],
    ]);
    const [june, october] = issues;
    expect(june!.title).toBe('Regional Update – June 2024');
    expect(day(june!.month)).toBe('2024-06-01');
    expect(london(june!.publishedAt!).slice(0, 10)).toBe('2024-06-21');
    expect(october!.title).toBe('Regional Update – October 2025');
    expect(day(october!.month)).toBe('2025-10-01');
    expect(london(october!.publishedAt!).slice(0, 10)).toBe('2025-10-24');
    for (const i of issues) expect(i.summary.length).toBeGreaterThan(40);
  });

  it('gives June 2024 its five sections in source order', async () => {
    const june = await issue(JUNE);
    expect(june.sections.map((s) => [s.position, s.kind, s.title])).toEqual([
      [0, 'INTRO', 'From Sandwell Children’s Trust’s Chief Executive and our QPPG sponsor'],
      [1, 'ARTICLE', 'West Midlands Regional Principal Social Workers Conference 2024'],
      [2, 'ARTICLE', 'Care Leaver Championship Cup'],
      [3, 'ARTICLE', 'A Focus on Participation'],
      [4, 'EVENT_LIST', 'Key Events'],
    ]);
    expect(june.sections.map((s) => s.events.length)).toEqual([0, 0, 0, 0, 2]);

    const [intro, , cup, participation, keyEvents] = june.sections;
    expect(intro!.signOff).toBe('Kind regards');
    expect(intro!.signatory?.name).toBe('Emma Taylor');
    expect(paragraphs(intro!.body)).toHaveLength(6);
    const introText = plainText(intro!.body as RichTextDoc);
    expect(introText).toContain(
      'What we can share though is that Sally Giles has now been permanently appointed as Director of Children and Education, with the statutory DCS role, at Sandwell council.',
    );
    expect(introText).toContain('You may not believe it, but Summer officially started yesterday evening');
    expect(introText).not.toMatch(/ {2}/);

    const cupBody = cup!.body as RichTextDoc;
    expect(cupBody.content.filter((n) => n.type === 'blockquote').map((n) => plainText(n))).toEqual([
      'Trust me today was class I thank all of the people who made this possible it was a great experience.',
      'Yeh it’s a lifelong memory that’s changed everyone',
      'Made my dreams come true playing at a premier league stadium is even more amazing',
    ]);

    expect(participation!.bylines.map((b) => b.person.name)).toEqual(['Abdul Kahar']);
    const lists = (participation!.body as RichTextDoc).content.filter((n) => n.type === 'bulletList');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.content.map((item) => plainText(item.content[0]!))).toEqual([
      'The development of the West Midlands Participation Strategy',
      'Apprenticeship Guide for professionals',
      'The Blueprint regional offer for care experienced young people (ongoing)',
    ]);

    const keyBody = keyEvents!.body as RichTextDoc;
    expect(keyBody.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'Leading Change in SEND/AP' }],
    });
    expect(plainText(keyBody.content[1]!)).toMatch(/^The Staff College and NDTi are thrilled to offer a second cohort/);
    expect(plainText(keyBody)).toContain('Each year our 14 Councils and Trusts share their good practice');
    expect(plainText(keyBody.content.at(-1)!)).toBe('More dates and classes will be announced soon!');
    expect(keyEvents!.events.map((e) => e.event.slug)).toEqual([
      'regional-master-class-warwickshire-july-2024',
      'regional-master-class-dudley-july-2024',
    ]);
  });

  it('gives the June 2024 master classes their London times and presenters', async () => {
    const warwickshire = await event('regional-master-class-warwickshire-july-2024');
    expect(warwickshire.sessions.map((s) => [london(s.startsAt), london(s.endsAt), s.allDay])).toEqual([
      ['2024-07-01 12:00', '2024-07-01 13:30', false],
    ]);
    // 1 July 2024 is British Summer Time.
    expect(warwickshire.sessions[0]!.startsAt.toISOString()).toBe('2024-07-01T11:00:00.000Z');
    expect(warwickshire.presenters.map((p) => p.person.name)).toEqual([
      'Michelle Warren',
      'Daniel Atkins',
      'Nigel Jones',
    ]);
    expect(warwickshire.organiser?.name).toBe('Warwickshire County Council');
    expect([warwickshire.mode, warwickshire.isFree]).toEqual(['ONLINE', true]);

    const dudley = await event('regional-master-class-dudley-july-2024');
    expect(dudley.sessions.map((s) => [london(s.startsAt), london(s.endsAt)])).toEqual([
      ['2024-07-12 09:30', '2024-07-12 11:00'],
    ]);
    expect(dudley.presenters.map((p) => p.person.name)).toEqual(['Nicola Hale']);
    expect(dudley.organiser?.shortName).toBe('Dudley MBC');
  });

  it('gives October 2025 its nine sections and nine events in source order', async () => {
    const october = await issue(OCTOBER);
    expect(october.sections.map((s) => [s.position, s.kind, s.title])).toEqual([
      [0, 'INTRO', 'From Sandwell Children’s Trust’s Chief Executive and our QPPG Sponsor'],
      [1, 'ARTICLE', 'Birmingham Children’s Trust Celebrated at National Awards'],
      [2, 'ARTICLE', 'Follow us on LinkedIn'],
      [3, 'ARTICLE', 'Recognising Autism in Children and Young People – Practitioner Perspective'],
      [4, 'ARTICLE', 'Reflections on the Families First Partnership Network Day'],
      [5, 'ARTICLE', 'Women in Leadership – Applications Open'],
      [6, 'ARTICLE', 'Practical Tools for Uncertain Times'],
      [7, 'EVENT_LIST', 'Upcoming Conferences and Events'],
      [8, 'EVENT_LIST', 'Upcoming CPD Opportunities from the West Midlands Social Work Teaching Partnership'],
    ]);
    expect(october.sections.map((s) => s.events.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 7]);
    expect(october.sections.map((s) => s.bylineOrganisation?.shortName ?? s.bylineOrganisation?.name ?? null)).toEqual([
      null,
      null,
      null,
      'ADASS',
      null,
      'The Staff College',
      'The Staff College',
      null,
      null,
    ]);

    const intro = october.sections[0]!;
    expect(intro.signOff).toBe('Kind regards');
    expect(intro.signatory?.name).toBe('Emma Taylor');
    // The source intro has eight paragraphs before "Kind regards".
    expect(paragraphs(intro.body)).toHaveLength(8);
    expect(plainText(intro.body as RichTextDoc)).toContain(
      'At Sandwell, we’ve welcomed inspectors as part of our Ofsted ILACS.',
    );

    expect(october.sections[7]!.events.map((e) => e.event.title)).toEqual([
      'Regional Safeguarding Conference',
      'Quality Assurance Conference',
    ]);
    expect(october.sections[8]!.events.map((e) => e.event.title)).toEqual([
      'Who’s Got You? – For Social Workers and Practice Educators',
      'Who’s Got You? – For Managers and Supervisors',
      'PWLE Seminar: Putting Participation on the Map',
      'Let’s Talk About Race',
      'Naming the Silence: Identity in Safeguarding',
      'Learning from Research Seminar: Understanding Mental Health Needs of Children in Care',
      'Innovate and Grow Conference 2026',
    ]);
    expect(plainText(october.sections[8]!.body as RichTextDoc)).toBe(
      'We’re pleased to share a range of professional development sessions available to colleagues across the region. Please share widely with your teams — and register early to secure your place!',
    );
  });

  it('records the Regional Safeguarding Conference as a free, in-person, all-day event on 27 November 2025', async () => {
    const e = await event('regional-safeguarding-conference-2025');
    expect(e.venueName).toBe('Worcestershire County Cricket Club');
    expect(e.mode).toBe('IN_PERSON');
    expect(e.isFree).toBe(true);
    expect(e.cost).toBeNull();
    expect(e.organiser?.name).toBe('Regional Safeguarding Network');
    expect(e.registrationContact).toMatch(/Regional Safeguarding Network representative/);
    expect(e.sessions.map((s) => [london(s.startsAt), london(s.endsAt), s.allDay])).toEqual([
      ['2025-11-27 00:00', '2025-11-28 00:00', true],
    ]);
    expect(plainText(e.description as RichTextDoc)).toContain('will be themed around neglect');
    expect(e.topics.map((t) => t.topic.name)).toContain('Safeguarding');
  });

  it('records the Quality Assurance Conference at Broadway House on 8 December 2025, 09:30–16:30', async () => {
    const e = await event('seslip-quality-assurance-conference-2025');
    expect([e.venueName, e.venueAddress, e.mode, e.isFree]).toEqual(['Broadway House', 'London', 'IN_PERSON', true]);
    expect(e.audience).toBe('One QA lead per local authority');
    expect(e.organiser?.shortName).toBe('SESLIP');
    expect(e.sessions.map((s) => [london(s.startsAt), london(s.endsAt)])).toEqual([
      ['2025-12-08 09:30', '2025-12-08 16:30'],
    ]);
  });

  it('records Who’s Got You? for Managers and Supervisors: four Teams sessions, register by 13 October 2025', async () => {
    const e = await event('whos-got-you-managers-and-supervisors-2025');
    expect(e.title).toBe('Who’s Got You? – For Managers and Supervisors');
    expect(e.sessions.map((s) => [london(s.startsAt), london(s.endsAt), s.allDay])).toEqual([
      ['2025-11-05 09:30', '2025-11-05 12:30', false],
      ['2025-11-12 09:30', '2025-11-12 12:30', false],
      ['2025-11-19 09:30', '2025-11-19 12:30', false],
      ['2025-11-26 09:30', '2025-11-26 12:30', false],
    ]);
    expect([e.mode, e.platform, e.isFree]).toEqual(['ONLINE', 'Microsoft Teams', true]);
    expect(day(e.registrationDeadline)).toBe('2025-10-13');
    expect(e.audience).toBe('Managers and supervisors');
    expect(e.organiser?.name).toBe('West Midlands Social Work Teaching Partnership');
    expect(e.registrationUrl).toBeNull();
  });

  it('gives Who’s Got You? for Social Workers a Practice Educators-only fourth session', async () => {
    const e = await event('whos-got-you-social-workers-and-practice-educators-2025');
    expect(e.sessions.map((s) => [london(s.startsAt), london(s.endsAt), s.label])).toEqual([
      ['2025-11-04 09:30', '2025-11-04 12:30', null],
      ['2025-11-11 09:30', '2025-11-11 12:30', null],
      ['2025-11-18 09:30', '2025-11-18 12:30', null],
      ['2025-11-25 09:30', '2025-11-25 12:30', 'Practice Educators only'],
    ]);
    // 4 November 2025 is Greenwich Mean Time.
    expect(e.sessions[0]!.startsAt.toISOString()).toBe('2025-11-04T09:30:00.000Z');
    expect(e.audience).toBe('Social workers and practice educators');
  });

  it('records the other CPD sessions with their presenters and deadlines', async () => {
    const naming = await event('naming-the-silence-identity-in-safeguarding-2025');
    expect(naming.presenters.map((p) => p.person.name)).toEqual(['Delroy Madden']);
    expect(day(naming.registrationDeadline)).toBe('2025-11-10');
    expect(naming.sessions.map((s) => [london(s.startsAt), london(s.endsAt)])).toEqual([
      ['2025-12-10 10:00', '2025-12-10 12:00'],
    ]);

    const research = await event('learning-from-research-mental-health-children-in-care-2025');
    expect(research.presenters.map((p) => p.person.name)).toEqual(['Professor Rachel Hiller']);
    expect(research.sessions.map((s) => london(s.startsAt))).toEqual(['2025-12-11 09:30']);

    const deadlines = await prisma.event.findMany({
      where: { slug: { in: ['pwle-seminar-putting-participation-on-the-map-2025', 'lets-talk-about-race-2025'] } },
      orderBy: { slug: 'asc' },
      select: { slug: true, registrationDeadline: true },
    });
    expect(deadlines.map((d) => [d.slug, day(d.registrationDeadline)])).toEqual([
      ['lets-talk-about-race-2025', '2025-10-30'],
      ['pwle-seminar-putting-participation-on-the-map-2025', '2025-10-20'],
    ]);

    const innovate = await event('innovate-and-grow-conference-2026');
    expect(innovate.title).toBe('Innovate and Grow Conference 2026');
    expect(innovate.saveTheDate).toBe(true);
    expect(innovate.registrationDeadline).toBeNull();
    expect(innovate.sessions.map((s) => [london(s.startsAt), london(s.endsAt), s.allDay])).toEqual([
      ['2026-02-10 00:00', '2026-02-11 00:00', true],
    ]);
  });

  it('marks every bulletin event free and gives each a description, organiser, audience, session and booking route', async () => {
    const events = await prisma.event.findMany({
      where: { sections: { some: { section: { issue: { slug: { in: [JUNE, OCTOBER] } } } } } },
      include: { sessions: true, topics: true },
    });
    expect(events).toHaveLength(11);
    for (const e of events) {
      expect(e.isFree, e.slug).toBe(true);
      expect(e.slug, e.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-20\d\d$/);
      expect(plainText(e.description as RichTextDoc).length, e.slug).toBeGreaterThan(20);
      expect(e.organiserId, e.slug).not.toBeNull();
      expect(e.audience, e.slug).toBeTruthy();
      expect(e.sessions.length, e.slug).toBeGreaterThan(0);
      expect(e.topics.length, e.slug).toBeGreaterThan(0);
      if (e.mode === 'ONLINE' && e.slug.endsWith('-2025')) expect(e.platform, e.slug).toBe('Microsoft Teams');
      if (e.slug.endsWith('-2025')) expect(e.registrationContact, e.slug).toBeTruthy();
    }
  });

  it('stores only allowed rich text and invents no links in the bulletins', async () => {
    const sections = await prisma.section.findMany({ select: { title: true, body: true } });
    const events = await prisma.event.findMany({ select: { title: true, description: true } });
    const docs = [...sections.map((s) => s.body), ...events.map((e) => e.description)] as RichTextDoc[];
    for (const d of docs) {
      expect(d.type).toBe('doc');
      const { nodes, marks, hrefs } = inventory(d);
      for (const n of nodes) expect(NODE_TYPES).toContain(n);
      for (const m of marks) expect(MARK_TYPES).toContain(m);
      expect(hrefs).toEqual([]);
      expect(plainText(d)).not.toMatch(/click here|found here/i);
    }
  });

  it('creates the 14 councils and trusts and the named partners and people', async () => {
    const authorities = await prisma.organisation.findMany({
      where: { kind: { in: ['COUNCIL', 'TRUST'] } },
      orderBy: { name: 'asc' },
    });
    expect(authorities.map((o) => o.name)).toEqual([
      'Birmingham Children’s Trust',
      'City of Wolverhampton Council',
      'Coventry City Council',
      'Dudley Metropolitan Borough Council',
      'Herefordshire Council',
      'Sandwell Children’s Trust',
      'Shropshire Council',
      'Solihull Metropolitan Borough Council',
      'Staffordshire County Council',
      'Stoke-on-Trent City Council',
      'Telford & Wrekin Council',
      'Walsall Council',
      'Warwickshire County Council',
      'Worcestershire Children First',
    ]);
    expect(authorities.filter((o) => o.kind === 'TRUST').map((o) => o.name)).toEqual([
      'Birmingham Children’s Trust',
      'Sandwell Children’s Trust',
      'Worcestershire Children First',
    ]);
    for (const o of await prisma.organisation.findMany()) {
      if (o.website) expect(o.website, o.name).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    }
    const partners = await prisma.organisation.findMany({ where: { kind: { in: ['PARTNER', 'NETWORK'] } } });
    expect(partners.map((o) => o.shortName ?? o.name)).toEqual(
      expect.arrayContaining(['The Staff College', 'NDTi', 'ADASS', 'WMADCS', 'SESLIP', 'WMPLN']),
    );

    const emma = await prisma.person.findUniqueOrThrow({
      where: { slug: 'emma-taylor' },
      include: { organisation: true },
    });
    expect([emma.jobTitle, emma.organisation?.name]).toEqual(['Chief Executive', 'Sandwell Children’s Trust']);
    const abdul = await prisma.person.findUniqueOrThrow({
      where: { slug: 'abdul-kahar' },
      include: { organisation: true },
    });
    expect([abdul.jobTitle, abdul.organisation?.name]).toEqual(['Participation Manager', 'Sandwell Children’s Trust']);
    expect(await prisma.person.count()).toBe(9);
  });

  it('creates a labelled demo draft whose events are all ahead of `now`', async () => {
    const demo = await issue(DEMO);
    expect(demo.status).toBe('DRAFT');
    expect(demo.title).toBe('Regional Update – March 2026 (demo draft)');
    expect(day(demo.month)).toBe('2026-03-01');
    expect(demo.publishedAt).toBeNull();
    expect(demo.summary).toMatch(/demo content/i);
    expect(demo.sections.map((s) => s.kind)).toEqual(['INTRO', 'ARTICLE', 'EVENT_LIST']);
    expect(demo.sections[0]!.signatory?.name).toBe('Emma Taylor');
    const editor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS.editor.email } });
    expect(demo.createdById).toBe(editor.id);

    const events = await prisma.event.findMany({
      where: { sections: { some: { section: { issue: { slug: DEMO } } } } },
      include: { sessions: { orderBy: { startsAt: 'asc' } } },
    });
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(plainText(e.description as RichTextDoc)).toContain('Demo event');
      for (const s of e.sessions) expect(s.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
    }
    const online = events.find((e) => e.mode === 'ONLINE')!;
    expect(online.platform).toBe('Microsoft Teams');
    expect(online.sessions.map((s) => [london(s.startsAt), london(s.endsAt)])).toEqual([
      ['2026-03-25 10:00', '2026-03-25 12:00'],
    ]);
    const inPerson = events.find((e) => e.mode === 'IN_PERSON' && !e.saveTheDate)!;
    expect(inPerson.venueName).toBeTruthy();
    expect(inPerson.sessions).toHaveLength(2);
    expect(inPerson.sessions[1]!.startsAt.getTime() - inPerson.sessions[0]!.startsAt.getTime()).toBe(7 * 86_400_000);
    const saveTheDate = events.find((e) => e.saveTheDate)!;
    expect(saveTheDate.sessions.map((s) => [london(s.startsAt), s.allDay])).toEqual([['2026-04-29 00:00', true]]);
  });

  it('creates one demo user per role with verifiable argon2id hashes', async () => {
    const users = await prisma.user.findMany({
      include: { person: true, organisation: true },
      orderBy: { email: 'asc' },
    });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['admin@example.org', 'ADMIN'],
      ['contributor@example.org', 'CONTRIBUTOR'],
      ['editor@example.org', 'EDITOR'],
      ['sponsor@example.org', 'SPONSOR'],
    ]);
    for (const u of users) {
      const credentials = Object.values(DEMO_USERS).find((d) => d.email === u.email)!;
      expect(u.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(u.passwordHash, credentials.password)).toBe(true);
      expect(await verifyPassword(u.passwordHash, 'wrong-password')).toBe(false);
      expect(u.active).toBe(true);
    }
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get('editor@example.org')?.person?.name).toBe('Elizabeth White');
    expect(byEmail.get('sponsor@example.org')?.person?.name).toBe('Emma Taylor');
    expect(byEmail.get('sponsor@example.org')?.organisation?.name).toBe('Sandwell Children’s Trust');
    expect(byEmail.get('contributor@example.org')?.organisation?.name).toBe('The Staff College');
  });

  it('changes nothing when run again, even in a later month', async () => {
    const before = await snapshot(prisma);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['Issue', 'Section', 'Event', 'EventSession', 'User']));
    expect(before['Issue']).toHaveLength(3);

    const again = await seed(prisma, { now: NOW });
    const nextMonth = await seed(prisma, { now: new Date('2026-04-20T09:00:00Z') });
    expect(await snapshot(prisma)).toEqual(before);

    for (const s of [again, nextMonth]) {
      expect(s.issues).toEqual({ created: [], existing: [JUNE, OCTOBER] });
      expect(s.demoIssue).toEqual({ created: null, existing: DEMO });
      expect(s.events.created).toBe(0);
      expect(s.organisations.created + s.people.created + s.topics.created).toBe(0);
      expect(s.users.created).toEqual([]);
      expect(s.users.existing).toHaveLength(4);
    }
  });

  it('keeps editors’ changes instead of overwriting them', async () => {
    await prisma.event.update({
      where: { slug: 'lets-talk-about-race-2025' },
      data: { audience: 'Edited by an editor' },
    });
    await prisma.organisation.update({ where: { slug: 'ndti' }, data: { website: null } });
    await seed(prisma, { now: NOW });
    const e = await prisma.event.findUniqueOrThrow({ where: { slug: 'lets-talk-about-race-2025' } });
    expect(e.audience).toBe('Edited by an editor');
    expect((await prisma.organisation.findUniqueOrThrow({ where: { slug: 'ndti' } })).website).toBeNull();
  });
});
