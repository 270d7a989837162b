import { formatCalendarDate, londonToday } from '@/lib/dates';

export type RegistrationInput = {
  saveTheDate: boolean;
  registrationOpensAt: Date | null;
  /** A calendar date (Postgres `date`, read as UTC midnight): the last day to book. */
  registrationDeadline: Date | null;
  sessions: { startsAt: Date; endsAt: Date }[];
};

export type RegistrationState =
  | { kind: 'ended'; label: string }
  | { kind: 'opens-soon'; label: string }
  | { kind: 'closed'; label: string }
  | { kind: 'closing-soon'; label: string; deadline: Date }
  | { kind: 'open'; label: string; deadline: Date | null };

/** Days before the deadline (inclusive of the deadline day) that count as "closing soon". */
export const CLOSING_SOON_DAYS = 7;

/**
 * Where booking stands at `now`, judged in Europe/London:
 * - ended once the last session has finished;
 * - "opens soon" for a save-the-date, or before registration opens;
 * - closed after the deadline day (or, with no deadline, once the first session starts);
 * - closing soon in the last seven days up to and including the deadline day;
 * - otherwise open.
 */
export function registrationState(event: RegistrationInput, now: Date): RegistrationState {
  const sessions = [...event.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const last = sessions.reduce<Date | null>((max, s) => (!max || s.endsAt > max ? s.endsAt : max), null);
  if (last && now >= last) return { kind: 'ended', label: 'This event has ended' };

  const opensLater = event.registrationOpensAt && now < event.registrationOpensAt;
  if ((event.saveTheDate && (!event.registrationOpensAt || opensLater)) || opensLater) {
    return { kind: 'opens-soon', label: 'Save the date – registration opens soon' };
  }

  const deadline = event.registrationDeadline;
  if (deadline) {
    // Both are UTC midnights, so whole days apart.
    const daysLeft = Math.round((deadline.getTime() - londonToday(now).getTime()) / 86_400_000);
    if (daysLeft < 0) return { kind: 'closed', label: 'Booking closed' };
    const bookBy = `Book by ${formatCalendarDate(deadline, { year: false })}`;
    if (daysLeft < CLOSING_SOON_DAYS) {
      return { kind: 'closing-soon', label: `Closing soon – book by ${formatCalendarDate(deadline, { year: false })}`, deadline };
    }
    return { kind: 'open', label: bookBy, deadline };
  }

  const first = sessions[0];
  if (first && now >= first.startsAt) return { kind: 'closed', label: 'Booking closed' };
  return { kind: 'open', label: 'Booking open', deadline: null };
}
