import { Prisma } from '@/lib/generated/prisma/client';

// What an event card and the calendar need; shared by the issue page, /events and feeds.
/** An event's own fields: what a card shows and the edit form fills in. */
export const eventFieldsSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  isFree: true,
  cost: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
  audience: true,
  registrationUrl: true,
  registrationContact: true,
  registrationOpensAt: true,
  registrationDeadline: true,
  saveTheDate: true,
} as const satisfies Prisma.EventSelect;

export const eventCardSelect = {
  ...eventFieldsSelect,
  updatedAt: true,
  organiser: { select: { name: true, slug: true } },
  presenters: {
    orderBy: { position: 'asc' },
    select: { person: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } } },
  },
  topics: { select: { topic: { select: { name: true, slug: true } } } },
  sessions: {
    orderBy: { startsAt: 'asc' },
    select: { id: true, startsAt: true, endsAt: true, allDay: true, label: true },
  },
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof eventCardSelect }>;

/**
 * Only events featured in the current publication of a published issue are public
 * (decision 017): an event added to a live issue's working section waits for
 * "Publish changes", and one removed from it stays until then.
 */
export const livePublicationWhere = { current: true, issue: { status: 'PUBLISHED' } } satisfies Prisma.IssuePublicationWhereInput;

export const publishedEventWhere = {
  publishedIn: { some: { section: { publication: livePublicationWhere } } },
} satisfies Prisma.EventWhereInput;

/** SQL twin of publishedEventWhere, for the raw queries (events listing, search); `e` is the event. */
export const PUBLISHED_EVENT_SQL = Prisma.sql`EXISTS (
  SELECT 1 FROM "PublishedSectionEvent" pse
  JOIN "PublishedSection" ps ON ps.id = pse."publishedSectionId"
  JOIN "IssuePublication" pub ON pub.id = ps."publicationId" AND pub.current
  JOIN "Issue" pi ON pi.id = pub."issueId" AND pi.status = 'PUBLISHED'
  WHERE pse."eventId" = e.id)`;
