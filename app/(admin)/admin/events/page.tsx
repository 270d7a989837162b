import type { Metadata } from 'next';
import Link from 'next/link';
import { sessionSummary, modeLabel, STATUS_LABEL } from '@/components/admin/events/summary';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listEventsAdmin } from '@/lib/data/events-admin';
import { eventListQuerySchema, type EventListQuery } from '@/lib/validation/events';

export const metadata: Metadata = { title: 'Events' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const WHEN: { value: EventListQuery['when']; label: string }[] = [
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
  { value: 'all', label: 'All' },
];

const LINK = 'inline-flex min-h-11 items-center text-[var(--color-brand)] underline';

function href(query: { q: string; when: string; page?: number }) {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.when !== 'upcoming') params.set('when', query.when);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `/admin/events?${s}` : '/admin/events';
}

export default async function EventsPage({ searchParams }: Props) {
  const user = await requireUser('/admin/events');
  if (!can(user, 'event:read')) return <AccessDenied what="events" />;
  const params = await searchParams;
  const { q, when, page } = eventListQuerySchema.parse(params);
  const { events, total, pageCount } = await listEventsAdmin(user, { q, when, page });
  const deleted = typeof params.deleted === 'string' ? params.deleted.slice(0, 200) : null;
  const whenLabel = WHEN.find((w) => w.value === when)!.label.toLowerCase();
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'Events' }]} />
      <h1 className="text-3xl font-bold">Events</h1>
      <p className="mt-2 max-w-2xl">Conferences, courses and masterclasses. Add them to an issue from an event-list section.</p>
      <DoneBanner message={deleted ? `“${deleted}” deleted.` : null} />
      {can(user, 'event:create') && (
        <p className="mt-6">
          <Link
            href="/admin/events/new"
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            Add an event
          </Link>
        </p>
      )}

      <nav aria-label="Which events" className="mt-6">
        <ul className="flex flex-wrap gap-6">
          {WHEN.map((w) => (
            <li key={w.value}>
              <Link href={href({ q, when: w.value })} aria-current={w.value === when ? 'page' : undefined} className={`${LINK} aria-[current=page]:font-bold aria-[current=page]:no-underline`}>
                {w.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form role="search" action="/admin/events" method="get" className="mt-4 flex flex-wrap items-end gap-3">
        {when !== 'upcoming' && <input type="hidden" name="when" value={when} />}
        <div>
          <label htmlFor="events-search-q" className="block font-bold">
            Search by title, audience, venue or organiser
          </label>
          <input id="events-search-q" name="q" type="search" defaultValue={q} className="mt-1 block min-h-11 w-72 max-w-full rounded border-2 border-gray-800 bg-white px-2" />
        </div>
        <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
          Search
        </button>
        {q && (
          <a href={href({ q: '', when })} className={LINK}>
            Clear search
          </a>
        )}
      </form>

      <h2 className="mt-8 text-2xl font-bold" id="results-heading">
        {q ? `${total} ${whenLabel === 'all' ? '' : `${whenLabel} `}${total === 1 ? 'event matches' : 'events match'} “${q}”` : `${total} ${whenLabel === 'all' ? '' : `${whenLabel} `}${total === 1 ? 'event' : 'events'}`}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2">{q ? 'No events match your search. Check the spelling, or look in the other tabs.' : 'No events here yet.'}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left" aria-labelledby="results-heading">
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-2 pr-4">Event</th>
              <th scope="col" className="py-2 pr-4">When</th>
              <th scope="col" className="py-2 pr-4">How</th>
              <th scope="col" className="py-2 pr-4">In issues</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const issues = [...new Map(e.sections.map((s) => [s.section.issue.id, s.section.issue])).values()];
              return (
                <tr key={e.id} className="border-b border-gray-300 align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/admin/events/${e.id}`} className={LINK}>
                      {e.title}
                    </Link>
                    {e.organiser && <p className="text-[var(--color-muted)]">{e.organiser.name}</p>}
                  </td>
                  <td className="py-2 pr-4">{sessionSummary(e.sessions)}</td>
                  <td className="py-2 pr-4">{modeLabel(e.mode)}</td>
                  <td className="py-2 pr-4">
                    {issues.length === 0 ? (
                      <span className="text-[var(--color-muted)]">Not in an issue</span>
                    ) : (
                      <ul>
                        {issues.map((i) => (
                          <li key={i.id}>
                            {i.title} ({STATUS_LABEL[i.status] ?? i.status})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pageCount > 1 && (
        <nav aria-label="Events pages" className="mt-6 flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link href={href({ q, when, page: page - 1 })} className={LINK} rel="prev">
              Previous page<span className="sr-only"> of events</span>
            </Link>
          )}
          <p>
            Page {page} of {pageCount}
          </p>
          {page < pageCount && (
            <Link href={href({ q, when, page: page + 1 })} className={LINK} rel="next">
              Next page<span className="sr-only"> of events</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
