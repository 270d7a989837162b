import { describe, expect, it } from 'vitest';
import { ISSUE_TEMPLATE, monthDate, nextMonth, suggestSlug, suggestTitle } from '@/lib/issues/template';

describe('issue template', () => {
  it('suggests a title and slug for a month', () => {
    expect(suggestTitle(2026, 12)).toBe('Regional Update – December 2026');
    expect(suggestSlug(2026, 12)).toBe('regional-update-december-2026');
    expect(suggestTitle(2027, 1)).toBe('Regional Update – January 2027');
    expect(suggestSlug(2027, 1)).toBe('regional-update-january-2027');
  });

  it('defaults to the next month, rolling over the year', () => {
    expect(nextMonth(new Date('2026-11-24T12:00:00Z'))).toEqual({ year: 2026, month: 12 });
    expect(nextMonth(new Date('2026-12-31T23:00:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(nextMonth(new Date('2026-01-31T00:00:00Z'))).toEqual({ year: 2026, month: 2 });
  });

  it('stores the first of the month as a UTC date', () => {
    expect(monthDate(2026, 12).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('starts with the intro and three event lists', () => {
    expect(ISSUE_TEMPLATE.map((s) => `${s.kind}:${s.title}`)).toEqual([
      'INTRO:From our sponsor',
      'EVENT_LIST:Upcoming Conferences and Events',
      'EVENT_LIST:CPD Opportunities',
      'EVENT_LIST:Key Events',
    ]);
  });
});
