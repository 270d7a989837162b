import type { Metadata } from 'next';
import Link from 'next/link';
import { EventCard } from '@/components/event-card';
import { IssueArchive } from '@/components/issue-archive';
import { SubscribeForm } from '@/components/subscribe-form';
import { cachedGetLatestIssue, cachedListPublishedIssues } from '@/lib/data/cached';
import { listPublicEvents } from '@/lib/data/events';
import { formatMonth } from '@/lib/dates';
import { pageAlternates, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';
import { uniqueSlugs } from '@/lib/slug';

export const revalidate = 3600;

export const metadata: Metadata = {
  title: { absolute: SITE_NAME },
  description: SITE_DESCRIPTION,
  alternates: pageAlternates('/'),
  openGraph: { type: 'website', title: SITE_NAME, description: SITE_DESCRIPTION, url: '/', siteName: SITE_NAME },
};

export default async function HomePage() {
  const now = new Date();
  const [latest, issues, upcoming] = await Promise.all([
    cachedGetLatestIssue(),
    cachedListPublishedIssues(),
    listPublicEvents({ when: 'upcoming', now, limit: 5 }),
  ]);
  const archive = issues.filter((i) => i.slug !== latest?.slug);

  return (
    <>
      <h1 className="text-3xl font-bold sm:text-4xl">Regional Update</h1>
      <p className="mt-2 text-lg text-[var(--color-muted)]">{SITE_DESCRIPTION}</p>

      <section aria-labelledby="latest-heading" className="mt-8 rounded border-l-8 border-[var(--color-brand)] bg-gray-50 p-6">
        <h2 id="latest-heading" className="text-sm font-bold uppercase tracking-wide text-[var(--color-muted)]">
          Latest issue
        </h2>
        {latest ? (
          <>
            <p className="mt-2 text-2xl font-bold">
              <Link href={`/issues/${latest.slug}`} className="text-[var(--color-brand)] underline hover:decoration-2">
                {latest.title}
              </Link>
            </p>
            <p className="text-[var(--color-muted)]">
              <time dateTime={latest.month.toISOString().slice(0, 7)}>{formatMonth(latest.month)}</time>
            </p>
            {latest.summary && <p className="mt-3">{latest.summary}</p>}
            <h3 className="mt-4 font-bold">In this issue</h3>
            <ol className="mt-1 list-decimal space-y-1 pl-6">
              {latest.sections.map((s, i) => (
                <li key={i}>
                  <Link
                    href={`/issues/${latest.slug}#${uniqueSlugs(latest.sections.map((x) => x.title))[i]}`}
                    className="text-[var(--color-brand)] underline"
                  >
                    {s.title}
                  </Link>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="mt-2">No issues have been published yet.</p>
        )}
      </section>

      <section aria-labelledby="upcoming-heading" className="mt-10">
        <h2 id="upcoming-heading" className="text-2xl font-bold">
          Upcoming events
        </h2>
        {upcoming.events.length === 0 ? (
          <p className="mt-2">There are no upcoming events at the moment.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {upcoming.events.map((event) => (
              <li key={event.id}>
                <EventCard event={event} headingLevel={3} now={now} showDescription={false} />
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4">
          <Link href="/events" className="font-bold text-[var(--color-brand)] underline">
            See all upcoming events
          </Link>
        </p>
      </section>

      <div className="mt-10 rounded border-2 border-[var(--color-brand)] p-6">
        <SubscribeForm idPrefix="home-subscribe" heading="Get each new issue by email" />
      </div>

      <section aria-labelledby="archive-heading" className="mt-10">
        <h2 id="archive-heading" className="text-2xl font-bold">
          Past issues
        </h2>
        {archive.length === 0 ? <p className="mt-2">No earlier issues yet.</p> : <div className="mt-4"><IssueArchive issues={archive} headingLevel={3} /></div>}
      </section>
    </>
  );
}
