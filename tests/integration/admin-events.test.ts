import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createEventSchema, updateEventSchema, type EventInput } from '@/lib/validation/events';
import { DEMO_USERS, seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The event editor's data layer (lib/data/events-admin.ts) against a real, seeded
// database: London dates stored as the right instants, optimistic concurrency,
// event lists in sections kept contiguous, deletion rules, permissions and audit rows.

let testDb: TestDatabase;
let events: typeof import('@/lib/data/events-admin');
let placing: typeof import('@/lib/data/section-events');
const as: Record<'admin' | 'editor' | 'sponsor' | 'contributor', SessionUser> = {} as never;
let draftSectionId: string;
let publishedSectionId: string;

const globalForDb = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seed(testDb.prisma, { now: new Date('2026-10-01T12:00:00Z') });
  delete globalForDb.__db;
  process.env.DATABASE_URL = testDb.url;
  events = await import('@/lib/data/events-admin');
  placing = await import('@/lib/data/section-events');
  for (const key of ['admin', 'editor', 'sponsor', 'contributor'] as const) {
    const u = await testDb.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USERS[key].email },
      select: { id: true, email: true, name: true, role: true },
    });
    as[key] = { ...u, active: true, organisationId: null, personId: null };
  }
  // An empty event-list section in a draft issue, and one in a published issue.
  const draft = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { id: true } });
  const max = await testDb.prisma.section.aggregate({ where: { issueId: draft.id }, _max: { position: true } });
  draftSectionId = (
    await testDb.prisma.section.create({
      data: { issueId: draft.id, kind: 'EVENT_LIST', title: 'Test events', body: { type: 'doc', content: [] }, position: (max._max.position ?? 0) + 1 },
      select: { id: true },
    })
  ).id;
  publishedSectionId = (
    await testDb.prisma.section.findFirstOrThrow({
      where: { kind: 'EVENT_LIST', issue: { status: 'PUBLISHED' }, events: { some: {} } },
      select: { id: true },
    })
  ).id;
});

afterAll(async () => {
  await globalForDb.__db?.$disconnect();
  delete globalForDb.__db;
  await testDb?.drop();
});

const auditRows = (action: string, entityId: string) =>
  testDb.prisma.auditLog.findMany({ where: { action, entityId }, select: { actorId: true, details: true } });

/** A valid event as form fields; sessions as [day, month, year, start, end]. */
function fields(title: string, sessions: [string, string, string, string, string][], extra: Record<string, unknown> = {}) {
  const raw: Record<string, unknown> = {
    title,
    isFree: 'true',
    mode: 'HYBRID',
    platform: 'Microsoft Teams',
    venueName: 'The Lighthouse',
    venueAddress: 'Chubb Buildings, Fryer Street, Wolverhampton WV1 1HT',
    registrationContact: 'Book through the Teaching Partnership',
    ...extra,
  };
  sessions.forEach(([day, month, year, startTime, endTime], i) =>
    Object.assign(raw, { [`sessions.${i}.day`]: day, [`sessions.${i}.month`]: month, [`sessions.${i}.year`]: year, [`sessions.${i}.startTime`]: startTime, [`sessions.${i}.endTime`]: endTime }),
  );
  return raw;
}

const input = (title: string, sessions: [string, string, string, string, string][], extra: Record<string, unknown> = {}) =>
  createEventSchema.parse(fields(title, sessions, extra));

async function sectionOrder(sectionId: string) {
  return testDb.prisma.sectionEvent.findMany({ where: { sectionId }, orderBy: { position: 'asc' }, select: { eventId: true, position: true } });
}

describe('creating events', () => {
  it('stores sessions either side of the October clock change as the right UTC instants', async () => {
    const created = await events.createEvent(
      as.editor,
      input('Clock change masterclass', [
        ['24', '10', '2026', '09:30', '12:30'], // BST
        ['26', '10', '2026', '09:30', '12:30'], // GMT
        ['25', '10', '2026', '00:30', '03:00'], // across the change itself
      ]),
    );
    expect(created.slug).toBe('clock-change-masterclass-2026');
    const sessions = await testDb.prisma.eventSession.findMany({ where: { eventId: created.id }, orderBy: { startsAt: 'asc' }, select: { startsAt: true, endsAt: true } });
    expect(sessions.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      ['2026-10-24T08:30:00.000Z', '2026-10-24T11:30:00.000Z'],
      ['2026-10-24T23:30:00.000Z', '2026-10-25T03:00:00.000Z'],
      ['2026-10-26T09:30:00.000Z', '2026-10-26T12:30:00.000Z'],
    ]);
    const rows = await auditRows('event.create', created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(as.editor.id);
    const stored = await testDb.prisma.event.findUniqueOrThrow({ where: { id: created.id }, select: { createdById: true, version: true, mode: true, venueName: true } });
    expect(stored).toEqual({ createdById: as.editor.id, version: 1, mode: 'HYBRID', venueName: 'The Lighthouse' });
  });

  it('gives a second event with the same title and year its own slug', async () => {
    const again = await events.createEvent(as.editor, input('Clock change masterclass', [['2', '11', '2026', '10:00', '11:00']]));
    expect(again.slug).toBe('clock-change-masterclass-2026-2');
  });

  it('stores topics (so the public Topic filter matches), replaces them on update, and refuses one that does not exist', async () => {
    const topics = await testDb.prisma.topic.findMany({ take: 2, orderBy: { name: 'asc' }, select: { id: true } });
    expect(topics).toHaveLength(2);
    const created = await events.createEvent(as.editor, input('Topical', [['4', '11', '2026', '10:00', '11:00']], { topicIds: topics.map((t) => t.id) }));
    const stored = async () => (await testDb.prisma.eventTopic.findMany({ where: { eventId: created.id }, select: { topicId: true } })).map((t) => t.topicId).sort();
    expect(await stored()).toEqual(topics.map((t) => t.id).sort());
    const edit = updateEventSchema.parse({ ...fields('Topical', [['4', '11', '2026', '10:00', '11:00']], { topicIds: topics[1]!.id }), id: created.id, version: '1' });
    expect(await events.updateEvent(as.editor, edit)).toMatchObject({ ok: true });
    expect(await stored()).toEqual([topics[1]!.id]);
    await expect(
      events.createEvent(as.editor, input('Ghost topic', [['4', '11', '2026', '10:00', '11:00']], { topicIds: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ code: 'invalid', status: 400, fieldErrors: { topicIds: ['Choose topics from the list'] } });
  });

  it('stores presenters in order and refuses an organiser that does not exist', async () => {
    const people = await testDb.prisma.person.findMany({ take: 2, orderBy: { name: 'desc' }, select: { id: true } });
    const created = await events.createEvent(as.admin, input('Presented', [['3', '11', '2026', '10:00', '11:00']], { presenterIds: people.map((p) => p.id) }));
    const stored = await testDb.prisma.eventPresenter.findMany({ where: { eventId: created.id }, orderBy: { position: 'asc' }, select: { personId: true } });
    expect(stored.map((p) => p.personId)).toEqual(people.map((p) => p.id));
    await expect(
      events.createEvent(as.editor, input('Ghost organiser', [['3', '11', '2026', '10:00', '11:00']], { organiserId: '00000000-0000-4000-8000-000000000000' })),
    ).rejects.toMatchObject({ status: 400, fieldErrors: { organiserId: ['Choose an organiser from the list'] } });
    expect(await testDb.prisma.event.count({ where: { title: 'Ghost organiser' } })).toBe(0);
  });

  it('creates and attaches to a section in one go, at the end', async () => {
    const first = await events.createEvent(as.editor, { ...input('Section event A', [['5', '11', '2026', '10:00', '11:00']]), sectionId: draftSectionId });
    const second = await events.createEvent(as.editor, { ...input('Section event B', [['6', '11', '2026', '10:00', '11:00']]), sectionId: draftSectionId });
    expect(second.section?.id).toBe(draftSectionId);
    expect(second.change).toBeNull(); // a draft: nothing public changed
    expect(await sectionOrder(draftSectionId)).toEqual([
      { eventId: first.id, position: 0 },
      { eventId: second.id, position: 1 },
    ]);
    expect(await auditRows('section.event.add', draftSectionId)).toHaveLength(2);
  });

  it('refuses to attach to a section that is not an event list, creating nothing', async () => {
    const article = await testDb.prisma.section.findFirstOrThrow({ where: { kind: 'ARTICLE' }, select: { id: true } });
    await expect(
      events.createEvent(as.editor, { ...input('Wrong section', [['5', '11', '2026', '10:00', '11:00']]), sectionId: article.id }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await testDb.prisma.event.count({ where: { title: 'Wrong section' } })).toBe(0);
  });
});

describe('updating events', () => {
  it('saves with the current version and keeps session ids; a stale save is a conflict that loses nothing', async () => {
    const created = await events.createEvent(as.editor, input('Versioned', [['10', '11', '2026', '09:30', '12:30'], ['17', '11', '2026', '09:30', '12:30']]));
    const loaded = await events.getEventForEdit(as.editor, created.id);
    const [s1, s2] = loaded!.sessions;

    const mine = updateEventSchema.parse({
      ...fields('Versioned (edited)', [['10', '11', '2026', '10:00', '13:00'], ['24', '11', '2026', '09:30', '12:30']]),
      'sessions.0.id': s1!.id,
      id: created.id,
      version: '1',
    });
    const ok = await events.updateEvent(as.editor, mine);
    expect(ok).toMatchObject({ ok: true, version: 2, slug: 'versioned-2026' });
    const after = await testDb.prisma.eventSession.findMany({ where: { eventId: created.id }, orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true } });
    expect(after[0]).toEqual({ id: s1!.id, startsAt: new Date('2026-11-10T10:00:00Z') });
    expect(after[1]!.id).not.toBe(s2!.id); // the second session was replaced by a new one
    expect(after).toHaveLength(2);

    // Someone else still has version 1 open.
    const theirs = updateEventSchema.parse({ ...fields('Versioned (theirs)', [['1', '12', '2026', '09:00', '10:00']]), id: created.id, version: '1' });
    const stale = await events.updateEvent(as.admin, theirs);
    expect(stale).toMatchObject({ ok: false, conflict: { version: 2, by: as.editor.name, title: 'Versioned (edited)' } });
    const current = await testDb.prisma.event.findUniqueOrThrow({ where: { id: created.id }, select: { title: true, version: true } });
    expect(current).toEqual({ title: 'Versioned (edited)', version: 2 });
    // Both texts survive as revisions.
    const revisions = await testDb.prisma.revision.findMany({ where: { entityType: 'Event', entityId: created.id }, orderBy: { createdAt: 'asc' }, select: { version: true, data: true } });
    expect(revisions.map((r) => [r.version, (r.data as { title: string }).title, (r.data as { rejected?: boolean }).rejected ?? false])).toEqual([
      [1, 'Versioned', false],
      [2, 'Versioned (edited)', false],
      [1, 'Versioned (theirs)', true],
    ]);
    expect(await auditRows('event.update', created.id)).toHaveLength(1);
    expect(await auditRows('event.save-conflict', created.id)).toHaveLength(1);
  });

  it('reports which published issues an edit changes', async () => {
    const link = await testDb.prisma.sectionEvent.findFirstOrThrow({ where: { sectionId: publishedSectionId }, select: { event: { select: { id: true, slug: true, version: true } }, section: { select: { issue: { select: { slug: true } } } } } });
    const raw = fields('Edited published event', [['4', '11', '2025', '09:30', '12:30']]);
    const result = await events.updateEvent(as.editor, updateEventSchema.parse({ ...raw, id: link.event.id, version: String(link.event.version) }));
    expect(result).toMatchObject({ ok: true, slug: link.event.slug, change: { issueSlugs: [link.section.issue.slug], eventSlugs: [link.event.slug] } });
  });

  it('is a 404 for an event that no longer exists', async () => {
    const raw = fields('Gone', [['4', '11', '2026', '09:30', '12:30']]);
    await expect(events.updateEvent(as.editor, updateEventSchema.parse({ ...raw, id: '00000000-0000-4000-8000-000000000000', version: '1' }))).rejects.toMatchObject({ status: 404 });
  });
});

describe('events in a section', () => {
  async function freshSection() {
    const draft = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { id: true } });
    const max = await testDb.prisma.section.aggregate({ where: { issueId: draft.id }, _max: { position: true } });
    return (
      await testDb.prisma.section.create({
        data: { issueId: draft.id, kind: 'EVENT_LIST', title: 'Ordering', body: { type: 'doc', content: [] }, position: (max._max.position ?? 0) + 1 },
        select: { id: true },
      })
    ).id;
  }

  it('attaches, moves and detaches with contiguous positions, each with an audit row', async () => {
    const sectionId = await freshSection();
    const ids: string[] = [];
    for (const t of ['One', 'Two', 'Three', 'Four']) ids.push((await events.createEvent(as.editor, input(`Order ${t}`, [['7', '12', '2026', '10:00', '11:00']]))).id);
    for (const eventId of ids) await placing.addSectionEvent(as.editor, { sectionId, eventId });
    const order = async () => (await sectionOrder(sectionId)).map((r) => [ids.indexOf(r.eventId), r.position]);
    expect(await order()).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);

    await expect(placing.addSectionEvent(as.editor, { sectionId, eventId: ids[0]! })).rejects.toMatchObject({ status: 409 });

    expect(await placing.moveSectionEvent(as.editor, { sectionId, eventId: ids[3]!, direction: 'up' })).toMatchObject({ moved: true });
    expect(await order()).toEqual([[0, 0], [1, 1], [3, 2], [2, 3]]);
    expect(await placing.moveSectionEvent(as.editor, { sectionId, eventId: ids[0]!, direction: 'up' })).toMatchObject({ moved: false });
    await placing.moveSectionEvent(as.editor, { sectionId, eventId: ids[0]!, direction: 'down' });
    expect(await order()).toEqual([[1, 0], [0, 1], [3, 2], [2, 3]]);

    await placing.removeSectionEvent(as.editor, { sectionId, eventId: ids[0]! });
    expect(await order()).toEqual([[1, 0], [3, 1], [2, 2]]);
    await placing.removeSectionEvent(as.editor, { sectionId, eventId: ids[1]! });
    expect(await order()).toEqual([[3, 0], [2, 1]]);
    // The events themselves stay.
    expect(await testDb.prisma.event.count({ where: { id: { in: ids } } })).toBe(4);

    expect(await auditRows('section.event.add', sectionId)).toHaveLength(4);
    expect(await auditRows('section.event.reorder', sectionId)).toHaveLength(2);
    expect(await auditRows('section.event.remove', sectionId)).toHaveLength(2);

    const listed = await placing.listSectionEvents(as.sponsor, sectionId);
    expect(listed.map((e) => ids.indexOf(e.id))).toEqual([3, 2]);
  });

  it('keeps positions unique when two moves race', async () => {
    const sectionId = await freshSection();
    const ids: string[] = [];
    for (const t of ['A', 'B', 'C']) {
      const e = await events.createEvent(as.editor, { ...input(`Race ${t}`, [['8', '12', '2026', '10:00', '11:00']]), sectionId });
      ids.push(e.id);
    }
    await Promise.all([
      placing.moveSectionEvent(as.editor, { sectionId, eventId: ids[2]!, direction: 'up' }),
      placing.moveSectionEvent(as.admin, { sectionId, eventId: ids[0]!, direction: 'down' }),
    ]);
    const positions = (await sectionOrder(sectionId)).map((r) => r.position);
    expect(positions).toEqual([0, 1, 2]);
  });

  it('says when a published issue changes', async () => {
    const created = await events.createEvent(as.editor, input('Late addition', [['9', '12', '2026', '10:00', '11:00']]));
    const added = await placing.addSectionEvent(as.editor, { sectionId: publishedSectionId, eventId: created.id });
    expect(added.change?.eventSlugs).toEqual([created.slug]);
    expect(added.change?.issueSlugs).toHaveLength(1);
    const removed = await placing.removeSectionEvent(as.editor, { sectionId: publishedSectionId, eventId: created.id });
    expect(removed.change?.eventSlugs).toEqual([created.slug]);
  });

  it('lists events for the picker without those already in the section', async () => {
    const sectionId = await freshSection();
    const inSection = await events.createEvent(as.editor, { ...input('Picker target alpha', [['9', '12', '2026', '10:00', '11:00']]), sectionId });
    const other = await events.createEvent(as.editor, input('Picker target beta', [['10', '12', '2026', '10:00', '11:00']]));
    const found = await events.listEventsAdmin(as.editor, { q: 'picker target', when: 'all', page: 1, excludeSectionId: sectionId });
    expect(found.events.map((e) => e.id)).toEqual([other.id]);
    expect(inSection.id).not.toBe(other.id);
  });
});

describe('listing events', () => {
  it('splits upcoming and past, searches case-insensitively and treats wildcards literally', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const upcoming = await events.listEventsAdmin(as.editor, { q: 'CLOCK CHANGE', when: 'upcoming', page: 1, now });
    expect(upcoming.events.map((e) => e.slug)).toEqual(['clock-change-masterclass-2026-2']);
    const past = await events.listEventsAdmin(as.editor, { q: 'clock change', when: 'past', page: 1, now });
    expect(past.events.map((e) => e.slug)).toEqual(['clock-change-masterclass-2026']);
    expect((await events.listEventsAdmin(as.editor, { q: '%', when: 'all', page: 1 })).total).toBe(0);
  });

  it('pages', async () => {
    const all = await events.listEventsAdmin(as.editor, { q: '', when: 'all', page: 1, pageSize: 5 });
    const second = await events.listEventsAdmin(as.editor, { q: '', when: 'all', page: 2, pageSize: 5 });
    expect(all.events).toHaveLength(5);
    expect(all.pageCount).toBe(Math.ceil(all.total / 5));
    expect(second.events.map((e) => e.id).some((id) => all.events.some((e) => e.id === id))).toBe(false);
  });
});

describe('deleting events', () => {
  it('refuses while a published issue features the event', async () => {
    const link = await testDb.prisma.sectionEvent.findFirstOrThrow({ where: { sectionId: publishedSectionId }, select: { eventId: true, event: { select: { title: true } } } });
    await expect(events.deleteEvent(as.editor, link.eventId)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(new RegExp(`^“${link.event.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” cannot be deleted because it is in the published issue “Regional Update`)),
    });
    expect(await testDb.prisma.event.count({ where: { id: link.eventId } })).toBe(1);
  });

  it('otherwise removes it from draft sections (closing the gap), keeps a revision and writes an audit row', async () => {
    const sectionId = draftSectionId;
    const before = await sectionOrder(sectionId);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const victim = before[0]!.eventId;
    const result = await events.deleteEvent(as.editor, victim);
    expect(result.id).toBe(victim);
    expect(await testDb.prisma.event.count({ where: { id: victim } })).toBe(0);
    expect(await sectionOrder(sectionId)).toEqual(before.slice(1).map((r, i) => ({ eventId: r.eventId, position: i })));
    const rows = await auditRows('event.delete', victim);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ removedFromSections: [sectionId] });
    expect(await testDb.prisma.revision.count({ where: { entityType: 'Event', entityId: victim } })).toBeGreaterThan(0);
  });
});

describe('permissions at the data layer', () => {
  it('refuses sponsors and contributors every change, and contributors even reading', async () => {
    const some = await testDb.prisma.event.findFirstOrThrow({ select: { id: true } });
    const raw: EventInput = input('Not allowed', [['3', '11', '2026', '10:00', '11:00']]);
    for (const user of [as.sponsor, as.contributor]) {
      await expect(events.createEvent(user, raw)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(events.updateEvent(user, { ...raw, id: some.id, version: 1 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(events.deleteEvent(user, some.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(placing.addSectionEvent(user, { sectionId: draftSectionId, eventId: some.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(placing.removeSectionEvent(user, { sectionId: draftSectionId, eventId: some.id })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(placing.moveSectionEvent(user, { sectionId: draftSectionId, eventId: some.id, direction: 'up' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(events.listEventsAdmin(as.contributor, { q: '', when: 'all', page: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(events.getEventForEdit(as.contributor, some.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(events.eventFormOptions(as.contributor)).rejects.toMatchObject({ code: 'forbidden' });
    // Sponsors may read drafts, events included.
    expect(await events.getEventForEdit(as.sponsor, some.id)).not.toBeNull();
    // Deactivated editors can do nothing.
    await expect(events.createEvent({ ...as.editor, active: false }, raw)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await testDb.prisma.event.count({ where: { title: 'Not allowed' } })).toBe(0);
  });
});
