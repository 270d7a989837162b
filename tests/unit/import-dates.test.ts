import { describe, expect, it } from 'vitest';
import { findDates, findTimeRange, inferYear } from '@/lib/import/dates';
import { findPresenters } from '@/lib/import/people';
import { isoDate } from '@/lib/dates';

const OCT_2025 = { year: 2025, month: 10 };
const days = (text: string) => findDates(text, OCT_2025).map((d) => isoDate(d.date));

describe('lib/import dates', () => {
  it('takes a missing year from the issue month, looking ahead', () => {
    expect(inferYear(10, OCT_2025)).toBe(2025);
    expect(inferYear(8, OCT_2025)).toBe(2025);
    expect(inferYear(7, OCT_2025)).toBe(2026);
    expect(inferYear(2, OCT_2025)).toBe(2026);
  });

  it('reads British ordinal dates, lists of days and ranges', () => {
    expect(days('4th, 11th, 18th November 2025')).toEqual(['2025-11-04', '2025-11-11', '2025-11-18']);
    expect(days('5th, 12th and 19th November')).toEqual(['2025-11-05', '2025-11-12', '2025-11-19']);
    expect(days('Join us on 10th February')).toEqual(['2026-02-10']);
    expect(days('Monday 13th October')).toEqual(['2025-10-13']);
    expect(days('two in-person days (6–7 Nov)')).toEqual(['2025-11-06', '2025-11-07']);
    expect(days('03/04/2026')).toEqual(['2026-04-03']);
    expect(days('No date here at 10:00')).toEqual([]);
  });

  it('reads the time ranges the bulletins use, on a 24- or 12-hour clock', () => {
    const range = (t: string) => {
      const r = findTimeRange(t);
      return r && [r.start, r.end, r.flags.length];
    };
    expect(range('Time: 09:30 – 12:30')).toEqual(['09:30', '12:30', 0]);
    expect(range('1st July – 12:00-13:30')).toEqual(['12:00', '13:30', 0]);
    expect(range('12th July – 09:30-11.00')).toEqual(['09:30', '11:00', 0]);
    expect(range('10am – 1pm')).toEqual(['10:00', '13:00', 0]);
    // No am/pm on "4:30": an end before the start is read as the afternoon, and flagged.
    expect(range('🕤 9:30–4:30 Register')).toEqual(['09:30', '16:30', 1]);
    expect(range('Starts 14:00')).toEqual(['14:00', null, 0]);
    expect(range('No time here')).toBeNull();
  });
});

describe('lib/import presenters', () => {
  it('reads the ways the bulletins name presenters', () => {
    expect(
      findPresenters('Presented by Michelle Warren, Daniel Atkins, and Nigel Jones from Warwickshire County Council'),
    ).toEqual({
      names: ['Michelle Warren', 'Daniel Atkins', 'Nigel Jones'],
      organisation: 'Warwickshire County Council',
    });
    expect(findPresenters('Presented by Nicola Hale – Dudley MBC')).toEqual({
      names: ['Nicola Hale'],
      organisation: 'Dudley MBC',
    });
    expect(findPresenters('Led by Delroy Madden, this session explores how race shapes assessments.')).toEqual({
      names: ['Delroy Madden'],
      organisation: null,
    });
    expect(findPresenters('Join Professor Rachel Hiller for insights into care.')).toEqual({
      names: ['Professor Rachel Hiller'],
      organisation: null,
    });
    expect(findPresenters('Join us on 10th February for the event.')).toBeNull();
    expect(findPresenters('Led by the regional team.')).toBeNull();
  });
});
