import Link from 'next/link';
import type { ReactNode } from 'react';
import { EventPrintBooking } from '@/components/event-print-booking';
import { RichText } from '@/components/rich-text';
import type { EventCard as EventCardData } from '@/lib/data/event-select';
import { formatCalendarDate, formatSession } from '@/lib/dates';
import { registrationState, type RegistrationState } from '@/lib/events/registration';
import { safeHref } from '@/lib/rich-text/links';

const MODE_LABEL = { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'Online and in person' } as const;

const STATE_STYLE: Record<RegistrationState['kind'], string> = {
  open: 'bg-green-800 text-white',
  'closing-soon': 'bg-amber-300 text-black',
  'opens-soon': 'bg-blue-800 text-white',
  closed: 'bg-gray-700 text-white',
  ended: 'bg-gray-200 text-black',
};

export function eventWhere(event: Pick<EventCardData, 'mode' | 'platform' | 'venueName' | 'venueAddress'>): string {
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  const online = event.platform ? `Online: ${event.platform}` : 'Online';
  if (event.mode === 'ONLINE') return online;
  if (event.mode === 'IN_PERSON') return venue || MODE_LABEL.IN_PERSON;
  return [online, venue || 'in person'].join(' and ');
}

/** Every session, GOV.UK style, with machine-readable times. */
export function EventSessions({ sessions, className }: { sessions: EventCardData['sessions']; className?: string }) {
  return (
    <ul className={className}>
      {sessions.map((s) => (
        <li key={s.id}>
          <time dateTime={s.allDay ? s.startsAt.toISOString().slice(0, 10) : s.startsAt.toISOString()}>{formatSession(s)}</time>
          {s.label && ` (${s.label})`}
        </li>
      ))}
    </ul>
  );
}

/** Where, cost, audience, organiser and presenters; the event page adds the deadline and topics. */
export function EventDetails({ event, detailed = false, className }: { event: EventCardData; detailed?: boolean; className?: string }) {
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className="font-bold">{term}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <dl className={`grid grid-cols-1 gap-x-3 sm:grid-cols-[max-content_1fr] ${className ?? ''}`}>
      {row('Where', eventWhere(event))}
      {row('Cost', event.isFree ? 'FREE' : event.cost)}
      {event.audience && row('Who it is for', event.audience)}
      {event.organiser && row('Organiser', event.organiser.name)}
      {event.presenters.length > 0 &&
        row(
          event.presenters.length > 1 ? 'Presenters' : 'Presenter',
          event.presenters
            .map(({ person }) => [person.name, detailed ? person.jobTitle : null, person.organisation?.name].filter(Boolean).join(', '))
            .join('; '),
        )}
      {detailed &&
        event.registrationDeadline &&
        row(
          'Register by',
          <time dateTime={event.registrationDeadline.toISOString().slice(0, 10)}>{formatCalendarDate(event.registrationDeadline)}</time>,
        )}
      {detailed && event.topics.length > 0 && row('Topics', event.topics.map((t) => t.topic.name).join(', '))}
    </dl>
  );
}

export function RegistrationBadge({ state }: { state: RegistrationState }) {
  return (
    <p className={`inline-block rounded px-2 py-1 text-sm font-bold ${STATE_STYLE[state.kind]}`}>{state.label}</p>
  );
}

/**
 * An event as listed in an issue, on /events and on the home page.
 * Registration state is computed from `now` in Europe/London.
 */
export function EventCard({
  event,
  headingLevel,
  now,
  showDescription = true,
}: {
  event: EventCardData;
  headingLevel: 2 | 3 | 4;
  now: Date;
  showDescription?: boolean;
}) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const state = registrationState(event, now);
  const bookingUrl = safeHref(event.registrationUrl);
  const canBook = state.kind === 'open' || state.kind === 'closing-soon';
  return (
    <article className="rounded border border-gray-400 p-4 print:break-inside-avoid" aria-labelledby={`event-${event.id}`}>
      <Heading id={`event-${event.id}`} className="text-lg font-bold">
        <Link href={`/events/${event.slug}`} className="text-[var(--color-brand)] underline hover:decoration-2">
          {event.title}
        </Link>
      </Heading>
      <div className="mt-2">
        <RegistrationBadge state={state} />
      </div>
      <EventSessions sessions={event.sessions} className="mt-2 space-y-1" />
      <EventDetails event={event} className="mt-3 text-sm" />
      {showDescription && <RichText doc={event.description} headingOffset={headingLevel - 1} className="mt-2" />}
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        {canBook && bookingUrl && (
          <a
            href={bookingUrl}
            className="inline-block min-h-6 rounded bg-[var(--color-brand)] px-3 py-2 font-bold text-white underline-offset-2 hover:bg-[var(--color-brand-dark)] print:hidden"
          >
            Book a place<span className="sr-only"> on {event.title}</span>
          </a>
        )}
        {canBook && !bookingUrl && event.registrationContact && <p>{event.registrationContact}</p>}
        {state.kind !== 'ended' && (
          <a
            href={`/events/${event.slug}/calendar.ics`}
            download
            className="inline-block min-h-6 py-2 text-[var(--color-brand)] underline print:hidden"
          >
            Add to calendar<span className="sr-only">: {event.title}</span>
          </a>
        )}
      </div>
      {state.kind !== 'ended' && <EventPrintBooking slug={event.slug} bookingUrl={canBook ? bookingUrl : null} className="mt-2" />}
    </article>
  );
}
