import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, formatMonth, formatSession, formatTime } from '@/lib/dates';

describe('GOV.UK date formatting in Europe/London', () => {
  it('formats a GMT session', () => {
    const startsAt = new Date('2025-11-04T09:30:00Z');
    const endsAt = new Date('2025-11-04T12:30:00Z');
    expect(formatSession({ startsAt, endsAt, allDay: false })).toBe('Tuesday 4 November 2025, 9:30am to 12:30pm');
  });

  it('formats a BST session in London time, not UTC', () => {
    const startsAt = new Date('2024-07-01T11:00:00Z'); // 12:00 BST
    const endsAt = new Date('2024-07-01T12:30:00Z');
    expect(formatSession({ startsAt, endsAt, allDay: false })).toBe('Monday 1 July 2024, 12pm to 1:30pm');
  });

  it('omits times for all-day sessions', () => {
    const startsAt = new Date('2025-11-27T00:00:00Z');
    expect(formatSession({ startsAt, endsAt: new Date('2025-11-28T00:00:00Z'), allDay: true })).toBe(
      'Thursday 27 November 2025',
    );
  });

  it('writes whole hours without minutes and midnight-crossing dates in London', () => {
    expect(formatTime(new Date('2025-12-11T14:00:00Z'))).toBe('2pm');
    // 23:30 UTC on 31 March 2025 is 00:30 BST on 1 April.
    expect(formatDate(new Date('2025-03-31T23:30:00Z'))).toBe('Tuesday 1 April 2025');
  });

  it('formats months and calendar dates independent of the server time zone', () => {
    expect(formatMonth(new Date('2025-10-01T00:00:00Z'))).toBe('October 2025');
    expect(formatCalendarDate(new Date('2025-10-13T00:00:00Z'))).toBe('Monday 13 October 2025');
    expect(formatCalendarDate(new Date('2025-10-13T00:00:00Z'), { year: false })).toBe('Monday 13 October');
  });
});

describe('formatDateTime', () => {
  it('writes "2 December 2026 at 4:46pm" in London time, GMT and BST', () => {
    expect(formatDateTime(new Date('2026-12-02T16:46:40Z'))).toBe('2 December 2026 at 4:46pm');
    expect(formatDateTime(new Date('2026-07-01T08:00:00Z'))).toBe('1 July 2026 at 9am');
    expect(formatDateTime(new Date('2026-03-29T00:30:00Z'))).toBe('29 March 2026 at 12:30am');
  });
});
