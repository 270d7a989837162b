import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EventCard } from '@/components/event-card';
import { EventFiltersForm } from '@/components/event-filters-form';
import { cachedListEventFilterOptions } from '@/lib/data/cached';
import { EVENTS_PAGE_SIZE, listPublicEvents } from '@/lib/data/events';
import { filtersToSearchParams, parseEventFilters } from '@/lib/validation/event-filters';

type SearchParams = Record<string, string | string[] | undefined>;

/** /events and /events/past: the same filters and paging over a different time window. */
export async function EventListPage({ when, searchParams }: { when: 'upcoming' | 'past'; searchParams: SearchParams }) {
  const { filters, errors } = parseEventFilters(searchParams);
  const now = new Date();
  const path = when === 'upcoming' ? '/events' : '/events/past';
  // The filter form submits empty fields too; send readers to the short, shareable URL.
  if (errors.length === 0 && Object.values(searchParams).some((v) => v === '')) {
    const clean = filtersToSearchParams(filters);
    redirect(clean.size ? `${path}?${clean}` : path);
  }
  const [{ events, total }, options] = await Promise.all([
    listPublicEvents({ when, filters, now }),
    cachedListEventFilterOptions(),
  ]);
  const page = filters.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE));
  const pageHref = (p: number) => {
    const sp = filtersToSearchParams({ ...filters, page: p });
    return sp.size ? `${path}?${sp}` : path;
  };
  const icsParams = filtersToSearchParams({ ...filters, page: undefined });
  const filtered = icsParams.size > 0;

  return (
    <>
      <h1 className="text-3xl font-bold">{when === 'upcoming' ? 'Upcoming events' : 'Past events'}</h1>
      <p className="mt-2 text-lg">
        {when === 'upcoming'
          ? 'Conferences, CPD sessions and masterclasses from the region’s bulletins, soonest first.'
          : 'Events from earlier bulletins, most recent first.'}
      </p>
      <p className="mt-2">
        {when === 'upcoming' ? (
          <Link href="/events/past" className="text-[var(--color-brand)] underline">
            See past events
          </Link>
        ) : (
          <Link href="/events" className="text-[var(--color-brand)] underline">
            See upcoming events
          </Link>
        )}
      </p>
      {errors.length > 0 && (
        <div role="alert" className="mt-4 border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="font-bold">Some filters in the link were not recognised</h2>
          <ul className="mt-1 list-disc pl-6">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6">
        <EventFiltersForm action={path} filters={filters} topics={options.topics} organisers={options.organisers} />
      </div>
      <h2 className="mt-8 text-2xl font-bold" id="results-heading" aria-live="polite">
        {total === 0
          ? 'No events match'
          : `${total} ${total === 1 ? 'event' : 'events'}${filtered ? ' match your filters' : ''}`}
      </h2>
      {when === 'upcoming' && (
        <p className="mt-2">
          <a href={`/events.ics${filtered ? `?${icsParams}` : ''}`} className="text-[var(--color-brand)] underline">
            Subscribe to {filtered ? 'these events' : 'all upcoming events'} in your calendar (iCal feed)
          </a>
        </p>
      )}
      {total === 0 ? (
        <p className="mt-4">
          {filtered ? 'Try removing a filter.' : when === 'upcoming' ? 'New events appear here when an issue is published.' : 'No past events yet.'}
        </p>
      ) : (
        <ul className="mt-4 space-y-6" aria-labelledby="results-heading">
          {events.map((event) => (
            <li key={event.id}>
              <EventCard event={event} headingLevel={3} now={now} showDescription={false} />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages of events" className="mt-8 flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="text-[var(--color-brand)] underline">
              Previous page
            </Link>
          )}
          <p>
            Page {page} of {pages}
          </p>
          {page < pages && (
            <Link href={pageHref(page + 1)} className="text-[var(--color-brand)] underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
