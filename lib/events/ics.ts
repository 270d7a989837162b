import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { LONDON } from '@/lib/dates';

export type IcsEvent = {
  slug: string;
  title: string;
  summary: string;
  url: string;
  /** Where to book (a web address), or null when booking is by contact or not needed. */
  bookingUrl: string | null;
  /** Other ways to book ("email training@…"), shown in the description. */
  bookingContact: string | null;
  location: string | null;
  organiser: string | null;
  updatedAt: Date;
  sessions: { id: string; startsAt: Date; endsAt: Date; allDay: boolean; label: string | null }[];
};

/**
 * An RFC 5545 calendar with one VEVENT per session, times in TZID=Europe/London
 * (with its VTIMEZONE). UIDs are stable per session so calendar apps update
 * rather than duplicate entries on re-import or feed refresh.
 */
export function buildCalendar(opts: { name: string; host: string; events: IcsEvent[] }): string {
  const cal = ical({ name: opts.name, prodId: { company: 'Regional Update', product: 'events', language: 'EN' } });
  cal.method(ICalCalendarMethod.PUBLISH);
  // No calendar-wide zone name: ical-generator would then write DTSTAMP without
  // its required UTC 'Z'. Each event names Europe/London; the generator adds its VTIMEZONE.
  cal.timezone({ name: '', generator: getVtimezoneComponent });
  for (const event of opts.events) {
    event.sessions.forEach((s, i) => {
      const suffix = event.sessions.length > 1 ? ` (session ${i + 1} of ${event.sessions.length}${s.label ? `: ${s.label}` : ''})` : s.label ? ` (${s.label})` : '';
      cal.createEvent({
        id: `${s.id}@${opts.host}`,
        start: new TZDate(s.startsAt.getTime(), LONDON),
        end: new TZDate(s.endsAt.getTime(), LONDON),
        allDay: s.allDay,
        timezone: LONDON,
        stamp: event.updatedAt,
        summary: `${event.title}${suffix}`,
        description: [
          event.summary,
          event.organiser && `Organised by ${event.organiser}`,
          event.bookingUrl && `Book a place: ${event.bookingUrl}`,
          event.bookingContact && `How to book: ${event.bookingContact}`,
          `Event details: ${event.url}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        location: event.location,
        // The booking page is what a calendar user needs to act on; the event page is in the description.
        url: event.bookingUrl ?? event.url,
      });
    });
  }
  return cal.toString();
}

type IcsSource = {
  slug: string;
  title: string;
  description: unknown;
  updatedAt: Date;
  mode: 'ONLINE' | 'IN_PERSON' | 'HYBRID';
  platform: string | null;
  venueName: string | null;
  venueAddress: string | null;
  registrationUrl: string | null;
  registrationContact: string | null;
  organiser: { name: string } | null;
  sessions: IcsEvent['sessions'];
};

/** Maps a stored event to what the calendar needs. */
export function toIcsEvent(event: IcsSource, origin: string, plainText: (doc: unknown) => string): IcsEvent {
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  const location =
    event.mode === 'ONLINE' ? event.platform ?? 'Online' : event.mode === 'IN_PERSON' ? venue || null : [event.platform ?? 'Online', venue].filter(Boolean).join(' and ');
  return {
    slug: event.slug,
    title: event.title,
    summary: plainText(event.description),
    url: `${origin}/events/${event.slug}`,
    bookingUrl: event.registrationUrl,
    bookingContact: event.registrationContact,
    location,
    organiser: event.organiser?.name ?? null,
    updatedAt: event.updatedAt,
    sessions: event.sessions,
  };
}
