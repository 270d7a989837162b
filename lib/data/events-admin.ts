import 'server-only';
import { likePattern } from '@/lib/data/like-pattern';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { EVENT_PAGE_SIZE, toEventWriteData, type EventInput, type EventListQuery } from '@/lib/validation/events';
import { assertReferencesExist, createEventInTx, retryOnSlugRace } from './event-create';
import { appendToSection, renumber, sectionChange, type PublicChange } from './section-events';
import { eventFieldsSelect, livePublicationWhere } from './event-select';
import { recordRevision } from './revisions';

// The editor's side of events: list, create, edit and delete. Placing events in
// the EVENT_LIST sections of issues is in section-events.ts. Each function checks
// the permission table itself. Mutations return which published issues and events
// changed, so the action can revalidate the public pages after the transaction.

type Tx = Prisma.TransactionClient;

export type { PublicChange };

const LIST_SELECT = {
  id: true,
  slug: true,
  title: true,
  mode: true,
  saveTheDate: true,
  organiser: { select: { name: true } },
  sessions: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, endsAt: true, allDay: true } },
  sections: {
    select: { section: { select: { id: true, title: true, issue: { select: { id: true, title: true, status: true } } } } },
  },
} satisfies Prisma.EventSelect;

export type AdminEventListItem = Prisma.EventGetPayload<{ select: typeof LIST_SELECT }>;

/**
 * Events for the admin list: upcoming (a session still to finish, soonest first),
 * past (all finished, most recent first) or all (newest first), optionally matching
 * `q` in the title, audience, venue or organiser's name; 25 a page.
 */
export async function listEventsAdmin(user: SessionUser, query: EventListQuery & { excludeSectionId?: string; now?: Date; pageSize?: number }) {
  requirePermission(user, 'event:read');
  const now = query.now ?? new Date();
  const pageSize = query.pageSize ?? EVENT_PAGE_SIZE;
  const page = Math.max(1, query.page);
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.q) {
    const like = likePattern(query.q);
    conditions.push(Prisma.sql`(e.title ILIKE ${like} OR e.audience ILIKE ${like} OR e."venueName" ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = e."organiserId" AND o.name ILIKE ${like}))`);
  }
  if (query.when === 'upcoming') conditions.push(Prisma.sql`b.last_end > ${now}`);
  if (query.when === 'past') conditions.push(Prisma.sql`(b.last_end IS NULL OR b.last_end <= ${now})`);
  if (query.excludeSectionId) {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "SectionEvent" se WHERE se."eventId" = e.id AND se."sectionId" = ${query.excludeSectionId}::uuid)`);
  }
  const order =
    query.when === 'upcoming'
      ? Prisma.sql`b.next_start ASC NULLS LAST`
      : query.when === 'past'
        ? Prisma.sql`b.last_end DESC NULLS LAST`
        : Prisma.sql`b.first_start DESC NULLS LAST`;
  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    WITH b AS (
      SELECT "eventId" AS id, min("startsAt") AS first_start, max("endsAt") AS last_end,
             min("startsAt") FILTER (WHERE "endsAt" > ${now}) AS next_start
      FROM "EventSession" GROUP BY "eventId")
    SELECT e.id, count(*) OVER () AS total
    FROM "Event" e LEFT JOIN b ON b.id = e.id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${order}, e.title ASC, e.id ASC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const total = rows.length ? Number(rows[0]!.total) : 0;
  const ids = rows.map((r) => r.id);
  const found = ids.length ? await db.event.findMany({ where: { id: { in: ids } }, select: LIST_SELECT }) : [];
  const byId = new Map(found.map((e) => [e.id, e]));
  return {
    events: ids.flatMap((id) => byId.get(id) ?? []),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** One event with everything the edit form shows; null if not found. */
export async function getEventForEdit(user: SessionUser, id: string) {
  requirePermission(user, 'event:read');
  return db.event.findUnique({
    where: { id },
    select: {
      ...eventFieldsSelect,
      organiserId: true,
      version: true,
      updatedAt: true,
      sessions: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], select: { id: true, startsAt: true, endsAt: true, allDay: true, label: true } },
      presenters: { orderBy: { position: 'asc' }, select: { personId: true } },
      topics: { select: { topicId: true } },
      sections: {
        select: {
          position: true,
          section: { select: { id: true, title: true, issue: { select: { id: true, slug: true, title: true, status: true } } } },
        },
      },
    },
  });
}
export type EventForEdit = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

// ---------------------------------------------------------------------------
// Helpers inside transactions

/** The published issues an event appears in (their pages show it). */
async function publishedIssueSlugs(tx: Tx, eventId: string) {
  const rows = await tx.publishedSectionEvent.findMany({
    where: { eventId, section: { publication: livePublicationWhere } },
    select: { section: { select: { publication: { select: { issue: { select: { slug: true } } } } } } },
  });
  return [...new Set(rows.map((r) => r.section.publication.issue.slug))];
}

// ---------------------------------------------------------------------------
// Events

/**
 * Creates an event with its sessions and presenters; with `sectionId`, also adds it
 * at the end of that event-list section (needs section:update too). One transaction.
 */
export async function createEvent(user: SessionUser, input: EventInput & { sectionId?: string | null }) {
  requirePermission(user, 'event:create');
  if (input.sectionId) requirePermission(user, 'section:update');
  return retryOnSlugRace(() =>
    db.$transaction(async (tx) => {
      const event = await createEventInTx(tx, input, user, { sectionId: input.sectionId ?? null });
      let section: { id: string; issueId: string } | null = null;
      let change: PublicChange = null;
      if (input.sectionId) {
        const s = await appendToSection(tx, user, input.sectionId, event.id);
        section = { id: s.id, issueId: s.issueId };
        change = sectionChange(s, event.slug);
      }
      return { ...event, section, change };
    }),
  );
}

export type UpdateEventResult =
  | { ok: true; id: string; slug: string; version: number; change: PublicChange }
  | { ok: false; conflict: { version: number; updatedAt: Date; by: string | null; title: string } };

/**
 * Saves an event if `version` is still current (optimistic concurrency): fields,
 * sessions (kept by id, so calendar UIDs stay stable; added; removed) and presenters,
 * version + 1, a Revision and an audit row. A stale version overwrites nothing: the
 * rejected values are kept as a Revision and the current version is returned.
 * The slug never changes, so published links keep working.
 */
export async function updateEvent(user: SessionUser, input: EventInput & { id: string; version: number }): Promise<UpdateEventResult> {
  requirePermission(user, 'event:update');
  const { fields, sessions, presenters, topics } = toEventWriteData(input);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${input.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError('not_found', 'That event no longer exists. It may have been deleted.');
    const before = await tx.event.findUniqueOrThrow({
      where: { id: input.id },
      select: { slug: true, title: true, version: true, updatedAt: true, sessions: { select: { id: true } } },
    });
    if (before.version !== input.version) {
      await recordRevision(
        tx,
        { entityType: 'Event', entityId: input.id, version: input.version, authorId: user.id, data: { ...fields, sessions, presenters, rejected: true, reason: 'conflict' } },
        { action: 'event.save-conflict', details: { staleVersion: input.version, currentVersion: before.version } },
      );
      const last = await tx.revision.findFirst({
        where: { entityType: 'Event', entityId: input.id, version: before.version },
        orderBy: { createdAt: 'desc' },
        select: { author: { select: { name: true } } },
      });
      return { ok: false as const, conflict: { version: before.version, updatedAt: before.updatedAt, by: last?.author?.name ?? null, title: before.title } };
    }
    await assertReferencesExist(tx, input);

    const existing = new Set(before.sessions.map((s) => s.id));
    const kept = sessions.filter((s): s is typeof s & { id: string } => !!s.id && existing.has(s.id));
    const keptIds = new Set(kept.map((s) => s.id));
    await tx.eventSession.deleteMany({ where: { eventId: input.id, id: { notIn: [...keptIds] } } });
    for (const { id, ...s } of kept) await tx.eventSession.update({ where: { id }, data: s, select: { id: true } });
    const added = sessions.filter((s) => !s.id || !keptIds.has(s.id)).map(({ id: _id, ...s }) => ({ ...s, eventId: input.id }));
    if (added.length) await tx.eventSession.createMany({ data: added });
    await tx.eventPresenter.deleteMany({ where: { eventId: input.id } });
    if (presenters.length) await tx.eventPresenter.createMany({ data: presenters.map((p) => ({ ...p, eventId: input.id })) });
    await tx.eventTopic.deleteMany({ where: { eventId: input.id } });
    if (topics.length) await tx.eventTopic.createMany({ data: topics.map((t) => ({ ...t, eventId: input.id })) });

    const saved = await tx.event.update({
      where: { id: input.id },
      data: { ...fields, version: { increment: 1 } },
      select: { id: true, slug: true, version: true },
    });
    await recordRevision(
      tx,
      { entityType: 'Event', entityId: saved.id, version: saved.version, authorId: user.id, data: { ...fields, sessions, presenters } },
      { action: 'event.update', details: { version: saved.version, titleBefore: before.title, title: input.title, sessions: sessions.length } },
    );
    const issueSlugs = await publishedIssueSlugs(tx, saved.id);
    return {
      ok: true as const,
      id: saved.id,
      slug: saved.slug,
      version: saved.version,
      change: issueSlugs.length ? { issueSlugs, eventSlugs: [saved.slug] } : null,
    };
  });
}

/**
 * Deletes an event. Refused while a published issue features it (readers and
 * calendars rely on it: remove it from that issue first, or unpublish). Otherwise it
 * is taken out of any draft sections, whose remaining events close up.
 */
export async function deleteEvent(user: SessionUser, id: string) {
  requirePermission(user, 'event:delete');
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError('not_found', 'That event no longer exists. It may already have been deleted.');
    const event = await tx.event.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        slug: true,
        title: true,
        version: true,
        sections: { select: { sectionId: true, section: { select: { title: true, issue: { select: { title: true, status: true } } } } } },
      },
    });
    // Readers see the live publication (decision 017), which can still list an event
    // already taken out of the working section; both keep it from being deleted.
    const live = await tx.publishedSectionEvent.findMany({
      where: { eventId: id, section: { publication: livePublicationWhere } },
      select: { section: { select: { publication: { select: { issue: { select: { title: true } } } } } } },
    });
    const published = [...new Set([
      ...event.sections.filter((s) => s.section.issue.status === 'PUBLISHED').map((s) => s.section.issue.title),
      ...live.map((r) => r.section.publication.issue.title),
    ])];
    if (published.length) {
      throw new AppError('conflict', `“${event.title}” cannot be deleted because it is in the published ${published.length === 1 ? 'issue' : 'issues'} ${published.map((t) => `“${t}”`).join(', ')}. Remove it from ${published.length === 1 ? 'that issue' : 'those issues'} first.`);
    }
    const sectionIds = [...new Set(event.sections.map((s) => s.sectionId))].sort();
    for (const sectionId of sectionIds) {
      await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${sectionId}::uuid FOR UPDATE`;
      await tx.sectionEvent.delete({ where: { sectionId_eventId: { sectionId, eventId: id } }, select: { position: true } });
      const rest = await tx.sectionEvent.findMany({ where: { sectionId }, orderBy: { position: 'asc' }, select: { eventId: true } });
      await renumber(tx, sectionId, rest.map((r) => r.eventId));
    }
    const snapshot = await tx.event.findUniqueOrThrow({ where: { id }, select: { title: true, description: true, mode: true, sessions: { select: { startsAt: true, endsAt: true, allDay: true, label: true } } } });
    await recordRevision(
      tx,
      { entityType: 'Event', entityId: id, version: event.version, authorId: user.id, data: { ...snapshot, deleted: true } },
      { action: 'event.delete', details: { title: event.title, slug: event.slug, removedFromSections: sectionIds } },
    );
    // Past publications and those of unpublished issues are no longer shown; they lose the reference.
    await tx.publishedSectionEvent.deleteMany({ where: { eventId: id } });
    await tx.event.delete({ where: { id }, select: { id: true } });
    return { id, title: event.title };
  });
}

/** People and organisations for the event form's pickers. */
export async function eventFormOptions(user: SessionUser) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'organisation:read');
  requirePermission(user, 'person:read');
  const [organisations, people, topics] = await Promise.all([
    db.organisation.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } }),
    db.person.findMany({
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, jobTitle: true, organisation: { select: { name: true } } },
    }),
    db.topic.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } }),
  ]);
  return { organisations, people, topics };
}
