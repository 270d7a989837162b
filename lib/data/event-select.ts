import type { Prisma } from '@/lib/generated/prisma/client';

// What an event card and the calendar need; shared by the issue page, /events and feeds.
export const eventCardSelect = {
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

/** Only events featured in a published issue are public. */
export const publishedEventWhere = {
  sections: { some: { section: { issue: { status: 'PUBLISHED' } } } },
} satisfies Prisma.EventWhereInput;
