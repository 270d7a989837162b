import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventFilters } from '@/lib/validation/event-filters';
import { readSnapshot } from './snapshot';
import { eventCardSelect, livePublicationWhere, PUBLISHED_EVENT_SQL, publishedEventWhere, type EventCard } from './event-select';

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
    PUBLISHED_EVENT_SQL,
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

  // One snapshot: the ids, the total and the cards agree even while events are deleted.
  return readSnapshot(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; total: bigint }[]>`
      WITH b AS (${bounds})
      SELECT e.id, count(*) OVER () AS total
      FROM b JOIN "Event" e ON e.id = b.id
      WHERE ${where}
      ORDER BY ${order}, e.title ASC
      LIMIT ${limit} OFFSET ${offset}`;

    if (rows.length === 0) return { events: [], total: 0 };
    const ids = rows.map((r) => r.id);
    // The ids come from the published-only query above.
    const events = await tx.event.findMany({ where: { id: { in: ids } }, select: eventCardSelect });
    const byId = new Map(events.map((e) => [e.id, e]));
    return {
      events: ids.map((id) => byId.get(id)).filter((e): e is EventCard => !!e),
      total: Number(rows[0]!.total),
    };
  });
}

/** An event with the live issues that feature it, titled as last published. */
export async function getPublicEvent(slug: string) {
  const event = await readSnapshot((tx) => tx.event.findFirst({
    where: { slug, ...publishedEventWhere },
    select: {
      ...eventCardSelect,
      publishedIn: {
        where: { section: { publication: livePublicationWhere } },
        select: { section: { select: { publication: { select: { title: true, issue: { select: { slug: true, month: true } } } } } } },
      },
    },
  }));
  if (!event) return null;
  const { publishedIn, ...card } = event;
  // An event listed in two sections of one issue is featured once.
  const featuredIn = new Map<string, { slug: string; title: string; month: Date }>();
  for (const { section: { publication } } of publishedIn) {
    const { slug: issueSlug, month } = publication.issue;
    featuredIn.set(issueSlug, { slug: issueSlug, title: publication.title, month });
  }
  return { ...card, featuredIn: [...featuredIn.values()].sort((a, b) => b.month.getTime() - a.month.getTime()) };
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
