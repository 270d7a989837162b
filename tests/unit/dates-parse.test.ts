import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { addDays, formatClock, formatDateTime, londonDayStart, parseIsoDate, parseScheduleTime } from '@/lib/dates';

describe('lib/dates: ISO day input and London day starts', () => {
  it('reads a real YYYY-MM-DD and refuses anything else', () => {
    expect(parseIsoDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '1999-12-31', '2101-01-01', '5 March 2026', '2026-3-5', '']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('starts a London day at midnight GMT or BST', () => {
    expect(londonDayStart({ year: 2026, month: 3, day: 1 }).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(londonDayStart({ year: 2026, month: 7, day: 1 }).toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('adds days across month and year ends', () => {
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
  });
});

describe('lib/dates: formatting instants', () => {
  it('writes the 24-hour London clock for "saved at" notices', () => {
    expect(formatClock(new Date('2026-07-01T08:05:00Z'))).toBe('09:05');
    expect(formatClock(new Date('2026-12-01T16:46:00Z'))).toBe('16:46');
  });

  it('writes a date and time with the weekday only when asked', () => {
    const d = new Date('2026-12-02T16:46:00Z');
    expect(formatDateTime(d)).toBe('2 December 2026 at 4:46pm');
    expect(formatDateTime(d, { weekday: true })).toBe('Wednesday 2 December 2026 at 4:46pm');
  });
});

describe('lib/dates: publication time', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const fieldErrors = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).fieldErrors;
    }
    throw new Error('expected a refusal');
  };

  it('reads a London date and time as an instant', () => {
    expect(parseScheduleTime({ date: { day: '2', month: 'July', year: '2026' }, time: '2pm' }, now).toISOString()).toBe('2026-07-02T13:00:00.000Z');
  });

  it('names the field at fault', () => {
    expect(fieldErrors(() => parseScheduleTime({ date: { day: '31', month: '2', year: '2026' }, time: '09:00' }, now))).toHaveProperty('date');
    expect(fieldErrors(() => parseScheduleTime({ date: { day: '2', month: '3', year: '2026' }, time: 'noonish' }, now))).toEqual({ time: ['Enter a real time, like 09:30 or 2pm'] });
    expect(fieldErrors(() => parseScheduleTime({ date: { day: '29', month: '3', year: '2026' }, time: '01:30' }, now))).toHaveProperty('time');
    expect(fieldErrors(() => parseScheduleTime({ date: { day: '1', month: '3', year: '2026' }, time: '11:00' }, now))).toEqual({ date: ['The publication time must be in the future'] });
  });
});
