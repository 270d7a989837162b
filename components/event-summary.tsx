import { RichText } from '@/components/rich-text';
import type { SectionEventCard } from '@/lib/data/issues';
import { formatCalendarDate, formatSession } from '@/lib/dates';

const MODE_LABEL = { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'Online and in person' } as const;

export function EventSummary({ event, headingLevel }: { event: SectionEventCard; headingLevel: 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const where = [
    MODE_LABEL[event.mode],
    event.platform,
    [event.venueName, event.venueAddress].filter(Boolean).join(', '),
  ].filter(Boolean);
  return (
    <div className="rounded border border-gray-300 p-4">
      <Heading className="text-lg font-bold">{event.title}</Heading>
      <ul className="mt-2 list-none">
        {event.sessions.map((s) => (
          <li key={s.id}>
            <time dateTime={s.startsAt.toISOString()}>{formatSession(s)}</time>
            {s.label && ` (${s.label})`}
          </li>
        ))}
      </ul>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
        <dt className="font-semibold">Where</dt>
        <dd>{where.join(' – ')}</dd>
        <dt className="font-semibold">Cost</dt>
        <dd>{event.isFree ? 'FREE' : event.cost}</dd>
        {event.audience && (
          <>
            <dt className="font-semibold">Audience</dt>
            <dd>{event.audience}</dd>
          </>
        )}
        {event.organiser && (
          <>
            <dt className="font-semibold">Organiser</dt>
            <dd>{event.organiser.name}</dd>
          </>
        )}
        {event.presenters.length > 0 && (
          <>
            <dt className="font-semibold">Presenters</dt>
            <dd>{event.presenters.map((p) => p.person.name).join(', ')}</dd>
          </>
        )}
        {event.registrationDeadline && (
          <>
            <dt className="font-semibold">Register by</dt>
            <dd>{formatCalendarDate(event.registrationDeadline)}</dd>
          </>
        )}
      </dl>
      <RichText doc={event.description} headingOffset={2} className="mt-2" />
      {event.saveTheDate && <p className="mt-2 font-semibold">Save the date – registration opens soon.</p>}
      {event.registrationContact && <p className="mt-2">{event.registrationContact}</p>}
    </div>
  );
}
