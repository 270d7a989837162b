import 'server-only';
import { db } from '@/lib/db';
import { CLOSING_SOON_DAYS, registrationState } from '@/lib/events/registration';
import { londonToday } from '@/lib/dates';
import { livePublicationWhere, publishedEventWhere } from './event-select';
import { getIssueNeighbours } from './issues';

// Which stored public pages a change touches (docs/decisions/025-static-public-pages.md).
// Only public data is read: every path named here is re-rendered anonymously by Next,
// which answers 404 for anything that is not public, and the store then drops it.

/** Pages every change can alter: the home page, the archive and the event listings. */
export const FIXED_PUBLIC_PAGES = ['/', '/issues', '/events', '/events/past'] as const;

/**
 * Issues whose visibility or content changed: each issue page, its published neighbours
 * (their previous/next links), and the events of its current and previous publication
 * (an event stops or starts being public, or its "featured in" list changes).
 */
export async function publicPagesForIssues(slugs: string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const issues = await db.issue.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      month: true,
      publications: {
        orderBy: { revision: 'desc' },
        take: 2,
        select: { sections: { select: { events: { select: { event: { select: { slug: true } } } } } } },
      },
    },
  });
  const paths = new Set(slugs.map((s) => `/issues/${s}`));
  for (const issue of issues) {
    const { previous, next } = await getIssueNeighbours(issue.month, issue.slug);
    for (const n of [previous, next]) if (n) paths.add(`/issues/${n.slug}`);
    for (const p of issue.publications) for (const s of p.sections) for (const e of s.events) paths.add(`/events/${e.event.slug}`);
  }
  return [...paths];
}

/** Events whose details changed: each event page and the live issues that feature it. */
export async function publicPagesForEvents(slugs: string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const publications = await db.issuePublication.findMany({
    where: { ...livePublicationWhere, sections: { some: { events: { some: { event: { slug: { in: slugs } } } } } } },
    select: { issue: { select: { slug: true } } },
  });
  return [...slugs.map((s) => `/events/${s}`), ...publications.map((p) => `/issues/${p.issue.slug}`)];
}

const DAY_MS = 86_400_000;

/**
 * Public events whose pages read differently at `to` than at `from` without any edit:
 * the registration badge changes (opens, closing soon, closed, ended; judged in
 * Europe/London by registrationState, the same function the pages call), or a session
 * ends (the event moves on /events, or to /events/past). The query only narrows the
 * candidates; registrationState decides, so the job and the page never disagree.
 */
export async function eventsWithDateChanges(from: Date, to: Date): Promise<string[]> {
  if (to <= from) return [];
  const window = { gt: from, lte: to };
  // The deadline is a calendar date: it matters from CLOSING_SOON_DAYS before it to the day after.
  const deadlines = {
    gte: new Date(londonToday(from).getTime() - DAY_MS),
    lte: new Date(londonToday(to).getTime() + (CLOSING_SOON_DAYS + 1) * DAY_MS),
  };
  const candidates = await db.event.findMany({
    where: {
      ...publishedEventWhere,
      OR: [
        { registrationOpensAt: window },
        { registrationDeadline: deadlines },
        { sessions: { some: { OR: [{ startsAt: window }, { endsAt: window }] } } },
      ],
    },
    select: {
      slug: true,
      saveTheDate: true,
      registrationOpensAt: true,
      registrationDeadline: true,
      sessions: { select: { startsAt: true, endsAt: true } },
    },
  });
  return candidates
    .filter(
      (e) =>
        registrationState(e, from).label !== registrationState(e, to).label ||
        e.sessions.some((s) => s.endsAt > from && s.endsAt <= to),
    )
    .map((e) => e.slug);
}

export type NamedIn = { issueSlugs: string[]; eventSlugs: string[] };

/**
 * Public issues and events that show these people or organisations: bylines,
 * signatories, byline organisations, organisers and presenters, and anyone shown with
 * one of the organisations as their own. People and organisation edits refresh these
 * (merges and deletes ask before the change, while the references still point at the
 * records that go).
 */
export async function publicContentNaming(opts: { personIds?: string[]; organisationIds?: string[] }): Promise<NamedIn> {
  const personIds = opts.personIds ?? [];
  const organisationIds = opts.organisationIds ?? [];
  if (!personIds.length && !organisationIds.length) return { issueSlugs: [], eventSlugs: [] };
  const person = { OR: [{ id: { in: personIds } }, { organisationId: { in: organisationIds } }] };
  const [publications, events] = await Promise.all([
    db.issuePublication.findMany({
      where: {
        ...livePublicationWhere,
        sections: { some: { OR: [{ bylines: { some: { person } } }, { signatory: person }, { bylineOrganisationId: { in: organisationIds } }] } },
      },
      select: { issue: { select: { slug: true } } },
    }),
    db.event.findMany({
      where: { ...publishedEventWhere, OR: [{ organiserId: { in: organisationIds } }, { presenters: { some: { person } } }] },
      select: { slug: true },
    }),
  ]);
  return { issueSlugs: publications.map((p) => p.issue.slug), eventSlugs: events.map((e) => e.slug) };
}
