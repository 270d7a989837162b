import 'server-only';
import { db } from '@/lib/db';

// Public reads: only PUBLISHED issues exist for readers, so the status filter
// is part of every query rather than a check after the fact.

export async function listPublishedIssues() {
  return db.issue.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
    select: { slug: true, title: true, month: true, summary: true, publishedAt: true },
  });
}

export async function getPublishedIssue(slug: string) {
  return db.issue.findFirst({
    where: { slug, status: 'PUBLISHED' },
    select: {
      slug: true,
      title: true,
      month: true,
      summary: true,
      publishedAt: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          kind: true,
          title: true,
          body: true,
          signOff: true,
          signatory: {
            select: { name: true, jobTitle: true, organisation: { select: { name: true } } },
          },
          bylineOrganisation: { select: { name: true } },
          bylines: {
            orderBy: { position: 'asc' },
            select: { person: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } } },
          },
          events: {
            orderBy: { position: 'asc' },
            select: {
              event: {
                select: {
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
                  registrationDeadline: true,
                  saveTheDate: true,
                  organiser: { select: { name: true } },
                  presenters: { orderBy: { position: 'asc' }, select: { person: { select: { name: true, jobTitle: true } } } },
                  sessions: { orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, endsAt: true, allDay: true, label: true } },
                },
              },
            },
          },
        },
      },
    },
  });
}

export type PublishedIssue = NonNullable<Awaited<ReturnType<typeof getPublishedIssue>>>;
export type PublishedSection = PublishedIssue['sections'][number];
export type SectionEventCard = PublishedSection['events'][number]['event'];
