import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventDetails, EventSessions, RegistrationBadge } from '@/components/event-card';
import { RichText } from '@/components/rich-text';
import { cachedGetPublicEvent } from '@/lib/data/cached';
import { registrationState } from '@/lib/events/registration';
import { EventPrintBooking } from '@/components/event-print-booking';
import { safeHref } from '@/lib/rich-text/links';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { isSlugParam } from '@/lib/validation/params';

export const revalidate = 3600;

// Rendered on first request, then served from the cache (ISR).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

/** The published event at this address; a segment that cannot be a slug is not looked up. */
const eventAt = async (params: Props['params']) => {
  const { slug } = await params;
  return isSlugParam(slug) ? cachedGetPublicEvent(slug) : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await eventAt(params);
  if (!event) return { title: 'Event not found' };
  const description = richTextToPlain(event.description).slice(0, 200);
  const path = `/events/${event.slug}`;
  return {
    title: event.title,
    description,
    alternates: pageAlternates(path),
    openGraph: { type: 'website', title: event.title, description, url: path },
  };
}

export default async function EventPage({ params }: Props) {
  const event = await eventAt(params);
  if (!event) notFound();
  const now = new Date();
  const state = registrationState(event, now);
  const bookingUrl = safeHref(event.registrationUrl);
  const canBook = state.kind === 'open' || state.kind === 'closing-soon';

  return (
    <article>
      <p className="text-[var(--color-muted)]">
        <Link href="/events" className="text-[var(--color-brand)] underline">
          Events
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{event.title}</h1>
      <div className="mt-3">
        <RegistrationBadge state={state} />
      </div>

      <h2 className="mt-6 text-xl font-bold">{event.sessions.length > 1 ? `Dates (${event.sessions.length} sessions)` : 'Date'}</h2>
      <EventSessions sessions={event.sessions} className="mt-2 space-y-1" />

      <h2 className="mt-6 text-xl font-bold">Details</h2>
      <EventDetails event={event} detailed className="mt-2 gap-y-1" />

      <h2 className="mt-6 text-xl font-bold">About this event</h2>
      <RichText doc={event.description} headingOffset={1} />

      <h2 className="mt-6 text-xl font-bold">Booking</h2>
      <p className="mt-2">{state.label}.</p>
      {canBook && bookingUrl && (
        <p className="mt-2 print:hidden">
          <a href={bookingUrl} className="inline-block min-h-11 rounded bg-[var(--color-brand)] px-4 py-2 font-bold text-white hover:bg-[var(--color-brand-dark)]">
            Book a place<span className="sr-only"> on {event.title}</span>
          </a>
        </p>
      )}
      {canBook && !bookingUrl && event.registrationContact && <p className="mt-2">{event.registrationContact}</p>}
      {state.kind !== 'ended' && <EventPrintBooking slug={event.slug} bookingUrl={canBook ? bookingUrl : null} className="mt-2" />}
      {state.kind !== 'ended' && (
        <p className="mt-4 print:hidden">
          <a href={`/events/${event.slug}/calendar.ics`} download className="text-[var(--color-brand)] underline">
            Add {event.title} to your calendar (.ics file{event.sessions.length > 1 ? `, ${event.sessions.length} sessions` : ''})
          </a>
        </p>
      )}

      {event.featuredIn.length > 0 && (
        <>
          <h2 className="mt-6 text-xl font-bold">Featured in</h2>
          <ul className="mt-2 list-disc pl-6">
            {event.featuredIn.map((issue) => (
              <li key={issue.slug}>
                <Link href={`/issues/${issue.slug}`} className="text-[var(--color-brand)] underline">
                  {issue.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
