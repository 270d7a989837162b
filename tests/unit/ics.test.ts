import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type IcsEvent } from '@/lib/events/ics';

const event: IcsEvent = {
  slug: 'whos-got-you-social-workers-2025',
  title: 'Who’s Got You? – For Social Workers and Practice Educators',
  summary: 'A 3-part course; compassion, wellbeing, and safe practice',
  url: 'https://bulletin.example.org/events/whos-got-you-social-workers-2025',
  bookingUrl: 'https://booking.example.org/whos-got-you',
  bookingContact: null,
  location: 'Microsoft Teams',
  organiser: 'West Midlands Social Work Teaching Partnership',
  updatedAt: new Date('2025-10-24T10:00:00Z'),
  sessions: [
    { id: 's1', startsAt: new Date('2025-11-04T09:30:00Z'), endsAt: new Date('2025-11-04T12:30:00Z'), allDay: false, label: null },
    { id: 's2', startsAt: new Date('2025-11-25T09:30:00Z'), endsAt: new Date('2025-11-25T12:30:00Z'), allDay: false, label: 'Practice Educators only' },
  ],
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  // Register the VTIMEZONE so TZID times resolve to instants.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

describe('buildCalendar (RFC 5545)', () => {
  it('writes one VEVENT per session in Europe/London with its VTIMEZONE', () => {
    const ics = buildCalendar({ name: 'Regional Update events', host: 'bulletin.example.org', events: [event] });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;TZID=Europe/London:20251104T093000');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const cal = parse(ics);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(cal.getAllSubcomponents('vtimezone').map((tz) => tz.getFirstPropertyValue('tzid'))).toEqual(['Europe/London']);

    const vevents = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(2);
    expect(vevents.map((e) => e.uid)).toEqual(['s1@bulletin.example.org', 's2@bulletin.example.org']);
    expect(vevents[0]!.startDate.toJSDate().toISOString()).toBe('2025-11-04T09:30:00.000Z');
    expect(vevents[0]!.endDate.toJSDate().toISOString()).toBe('2025-11-04T12:30:00.000Z');
    expect(vevents[1]!.summary).toBe(`${event.title} (session 2 of 2: Practice Educators only)`);
    expect(vevents[0]!.location).toBe('Microsoft Teams');
    expect(vevents[0]!.description).toContain('A 3-part course; compassion, wellbeing, and safe practice');
    // DTSTAMP must be UTC.
    expect(cal.getFirstSubcomponent('vevent')!.getFirstProperty('dtstamp')!.toICALString()).toBe('DTSTAMP:20251024T100000Z');
  });

  it('converts BST sessions and writes all-day sessions as London dates', () => {
    const ics = buildCalendar({
      name: 'x',
      host: 'h',
      events: [
        {
          ...event,
          sessions: [
            { id: 'bst', startsAt: new Date('2024-07-01T11:00:00Z'), endsAt: new Date('2024-07-01T12:30:00Z'), allDay: false, label: null },
            // 10 Feb 2026 00:00 London (GMT) to 11 Feb.
            { id: 'day', startsAt: new Date('2026-02-10T00:00:00Z'), endsAt: new Date('2026-02-11T00:00:00Z'), allDay: true, label: null },
            // 1 July 2024 all day, BST: starts 30 June 23:00 UTC.
            { id: 'bstday', startsAt: new Date('2024-06-30T23:00:00Z'), endsAt: new Date('2024-07-01T23:00:00Z'), allDay: true, label: null },
          ],
        },
      ],
    });
    expect(ics).toContain('DTSTART;TZID=Europe/London:20240701T120000');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260210');
    expect(ics).toContain('DTSTART;VALUE=DATE:20240701');
    const vevents = parse(ics).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents[0]!.startDate.toJSDate().toISOString()).toBe('2024-07-01T11:00:00.000Z');
    expect(vevents[1]!.startDate.isDate).toBe(true);
  });

  it('escapes text so user content cannot add properties', () => {
    const ics = buildCalendar({
      name: 'x',
      host: 'h',
      events: [{ ...event, title: 'Evil\r\nATTENDEE:mailto:x@example.org', sessions: event.sessions.slice(0, 1) }],
    });
    const vevent = parse(ics).getFirstSubcomponent('vevent')!;
    expect(vevent.getAllProperties('attendee')).toHaveLength(0);
  });

  it('gives the booking link as URL and in the description, with the event page', () => {
    const ics = buildCalendar({ name: 'x', host: 'h', events: [{ ...event, bookingContact: 'Email cpd@example.org', sessions: event.sessions.slice(0, 1) }] });
    const vevent = parse(ics).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('url')).toBe('https://booking.example.org/whos-got-you');
    const description = String(vevent.getFirstPropertyValue('description'));
    expect(description).toContain('Book a place: https://booking.example.org/whos-got-you');
    expect(description).toContain('How to book: Email cpd@example.org');
    expect(description).toContain(`Event details: ${event.url}`);
  });

  it('falls back to the event page as URL when there is no booking link', () => {
    const ics = buildCalendar({ name: 'x', host: 'h', events: [{ ...event, bookingUrl: null, sessions: event.sessions.slice(0, 1) }] });
    const vevent = parse(ics).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('url')).toBe(event.url);
    expect(String(vevent.getFirstPropertyValue('description'))).not.toContain('Book a place');
  });
});
