import { describe, expect, it } from 'vitest';
import { registrationState, type RegistrationInput } from '@/lib/events/registration';

// "Who's Got You? – For Managers and Supervisors": register by Monday 13 October 2025,
// sessions 5–26 November 2025, 09:30–12:30 London (GMT by then).
const whosGotYou: RegistrationInput = {
  saveTheDate: false,
  registrationOpensAt: null,
  registrationDeadline: new Date('2025-10-13T00:00:00Z'),
  sessions: [5, 12, 19, 26].map((d) => ({
    startsAt: new Date(`2025-11-${String(d).padStart(2, '0')}T09:30:00Z`),
    endsAt: new Date(`2025-11-${String(d).padStart(2, '0')}T12:30:00Z`),
  })),
};

const at = (iso: string) => new Date(iso);

describe('registrationState', () => {
  it('is open with a GOV.UK "book by" date well before the deadline', () => {
    expect(registrationState(whosGotYou, at('2025-10-01T12:00:00Z'))).toMatchObject({
      kind: 'open',
      label: 'Book by Monday 13 October',
    });
  });

  it('turns "closing soon" exactly seven days out, in London time', () => {
    // 6 October is 7 days before: still open. 7 October 00:00 BST (6 Oct 23:00 UTC): closing soon.
    expect(registrationState(whosGotYou, at('2025-10-06T22:59:59Z')).kind).toBe('open');
    expect(registrationState(whosGotYou, at('2025-10-06T23:00:00Z'))).toMatchObject({
      kind: 'closing-soon',
      label: 'Closing soon – book by Monday 13 October',
    });
  });

  it('stays bookable until 23:59 on the deadline day and closes the next day (BST)', () => {
    // 13 Oct 23:59 BST = 22:59 UTC; 14 Oct 00:00 BST = 13 Oct 23:00 UTC.
    expect(registrationState(whosGotYou, at('2025-10-13T22:59:00Z')).kind).toBe('closing-soon');
    expect(registrationState(whosGotYou, at('2025-10-13T23:00:00Z'))).toMatchObject({
      kind: 'closed',
      label: 'Booking closed',
    });
  });

  it('handles a deadline the day the clocks go back (26 October 2025)', () => {
    const e = { ...whosGotYou, registrationDeadline: new Date('2025-10-26T00:00:00Z') };
    // 26 Oct 23:59 GMT (after the change) is still the deadline day.
    expect(registrationState(e, at('2025-10-26T23:59:00Z')).kind).toBe('closing-soon');
    expect(registrationState(e, at('2025-10-27T00:00:00Z')).kind).toBe('closed');
    // 25 Oct 23:30 UTC is 26 Oct 00:30 BST: already the deadline day.
    expect(registrationState(e, at('2025-10-25T23:30:00Z')).kind).toBe('closing-soon');
  });

  it('handles a deadline the day the clocks go forward (30 March 2025)', () => {
    const e = {
      ...whosGotYou,
      registrationDeadline: new Date('2025-03-30T00:00:00Z'),
      sessions: [{ startsAt: at('2025-04-10T09:00:00Z'), endsAt: at('2025-04-10T10:00:00Z') }],
    };
    // 30 Mar 23:59 BST = 22:59 UTC: last minute; 31 Mar 00:00 BST = 30 Mar 23:00 UTC: closed.
    expect(registrationState(e, at('2025-03-30T22:59:00Z')).kind).toBe('closing-soon');
    expect(registrationState(e, at('2025-03-30T23:00:00Z')).kind).toBe('closed');
  });

  it('reports an ended event once its last session has finished', () => {
    expect(registrationState(whosGotYou, at('2025-11-26T12:29:59Z')).kind).toBe('closed');
    expect(registrationState(whosGotYou, at('2025-11-26T12:30:00Z'))).toMatchObject({
      kind: 'ended',
      label: 'This event has ended',
    });
  });

  it('says "save the date" until registration opens', () => {
    const innovate: RegistrationInput = {
      saveTheDate: true,
      registrationOpensAt: null,
      registrationDeadline: null,
      sessions: [{ startsAt: at('2026-02-10T00:00:00Z'), endsAt: at('2026-02-11T00:00:00Z') }],
    };
    expect(registrationState(innovate, at('2025-10-24T09:00:00Z'))).toMatchObject({
      kind: 'opens-soon',
      label: 'Save the date – registration opens soon',
    });
    const opening = { ...innovate, registrationOpensAt: at('2025-12-01T09:00:00Z') };
    expect(registrationState(opening, at('2025-12-01T08:59:59Z')).kind).toBe('opens-soon');
    expect(registrationState(opening, at('2025-12-01T09:00:00Z'))).toMatchObject({ kind: 'open', label: 'Booking open' });
    expect(registrationState(innovate, at('2026-02-11T00:00:00Z')).kind).toBe('ended');
  });

  it('closes booking at the first session when there is no deadline', () => {
    const e = { ...whosGotYou, registrationDeadline: null };
    expect(registrationState(e, at('2025-11-05T09:29:59Z')).kind).toBe('open');
    expect(registrationState(e, at('2025-11-05T09:30:00Z')).kind).toBe('closed');
  });
});
