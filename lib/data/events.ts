import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventFilters } from '@/lib/validation/event-filters';
import { eventCardSelect, publishedEventWhere, type EventCard } from './event-select';

export const EVENTS_PAGE_SIZE = 20;

/**
 * Published events that have not ended (upcoming) or have (past), in date order,
 * filtered. Ordering by "next session" needs SQL; details then come from Prisma.
 */
export async function listPublicEvents(
  opts: { when: 'upcoming' | 'past'; filters?: EventFilters; now?: Date; limit?: number },
): Promise<{ events: EventCard[]; total: number }> {
  const { when, filters = {}, now = new Date() } = opts;
  const limit = opts.limit ?? EVENTS_PAGE_SIZE;
  const offset = ((filters.page ?? 1) - 1) * limit;

  const conditions: Prisma.Sql[] = [
    Prisma.sql`EXISTS (SELECT 1 FROM "SectionEvent" se JOIN "Section" s ON s.id = se."sectionId"
      JOIN "Issue" i ON i.id = s."issueId" WHERE se."eventId" = e.id AND i.status = 'PUBLISHED')`,
  ];
  if (filters.mode === 'online') conditions.push(Prisma.sql`e.mode IN ('ONLINE', 'HYBRID')`);
  if (filters.mode === 'in-person') conditions.push(Prisma.sql`e.mode IN ('IN_PERSON', 'HYBRID')`);
  if (filters.free) conditions.push(Prisma.sql`e."isFree"`);
  if (filters.topic) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "EventTopic" et JOIN "Topic" t ON t.id = et."topicId"
      WHERE et."eventId" = e.id AND t.slug = ${filters.topic})`);
  }
  if (filters.organiser) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = e."organiserId" AND o.slug = ${filters.organiser})`);
  }
  const where = Prisma.join(conditions, ' AND ');
  // Upcoming: only events with a session still to finish, found through the
  // endsAt index; past: events whose last session has finished.
  const bounds =
    when === 'upcoming'
      ? Prisma.sql`SELECT es."eventId" AS id, min(es."startsAt") FILTER (WHERE es."endsAt" > ${now}) AS next_start,
                          max(es."endsAt") AS last_end
                   FROM "EventSession" es
                   WHERE es."eventId" IN (SELECT "eventId" FROM "EventSession" WHERE "endsAt" > ${now})
                   GROUP BY es."eventId"`
      : Prisma.sql`SELECT es."eventId" AS id, NULL::timestamptz AS next_start, max(es."endsAt") AS last_end
                   FROM "EventSession" es
                   GROUP BY es."eventId" HAVING max(es."endsAt") <= ${now}`;
  const order = when === 'upcoming' ? Prisma.sql`b.next_start ASC` : Prisma.sql`b.last_end DESC`;

  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    WITH b AS (${bounds})
    SELECT e.id, count(*) OVER () AS total
    FROM b JOIN "Event" e ON e.id = b.id
    WHERE ${where}
    ORDER BY ${order}, e.title ASC
    LIMIT ${limit} OFFSET ${offset}`;

  if (rows.length === 0) return { events: [], total: 0 };
  const ids = rows.map((r) => r.id);
  // The ids come from the published-only query above.
  const events = await db.event.findMany({ where: { id: { in: ids } }, select: eventCardSelect });
  const byId = new Map(events.map((e) => [e.id, e]));
  return {
    events: ids.map((id) => byId.get(id)).filter((e): e is EventCard => !!e),
    total: Number(rows[0]!.total),
  };
}

export async function getPublicEvent(slug: string) {
  return db.event.findFirst({
    where: { slug, ...publishedEventWhere },
    select: {
      ...eventCardSelect,
      sections: {
        where: { section: { issue: { status: 'PUBLISHED' } } },
        select: { section: { select: { issue: { select: { slug: true, title: true, month: true } } } } },
      },
    },
  });
}

/** Topics and organisers that appear on public events, for the filter form. */
export async function listEventFilterOptions() {
  const [topics, organisers] = await Promise.all([
    db.topic.findMany({
      where: { events: { some: { event: publishedEventWhere } } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true },
    }),
    db.organisation.findMany({
      where: { organisedEvents: { some: publishedEventWhere } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true },
    }),
  ]);
  return { topics, organisers };
}
