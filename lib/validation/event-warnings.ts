import { isoDate, londonDate, parseGovukDate, str, type CalendarDate } from '@/lib/dates';
import { nestEventFields, truthy } from './event-fields';
import { resolveSession } from './event-sessions';

// Warnings: things that are allowed but probably wrong. They never block a save.

export type WarningInput = {
  sessions: { startsAt: Date; endsAt: Date }[];
  registrationDeadline: CalendarDate | null;
  registrationOpens: CalendarDate | null;
  saveTheDate: boolean;
  registrationUrl: string | null;
  registrationContact: string | null;
};

const sameInstant = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();

export function eventWarnings(input: WarningInput): string[] {
  const warnings: string[] = [];
  const sessions = input.sessions;
  if (sessions.length) {
    const firstStart = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime())));
    // The London day the last session ends on (an all-day session ends at the next midnight).
    const lastEnd = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())) - 1);
    const firstDay = isoDate(londonDate(firstStart));
    const lastDay = isoDate(londonDate(lastEnd));
    if (input.registrationDeadline) {
      const deadline = isoDate(input.registrationDeadline);
      if (deadline > lastDay) warnings.push('The register-by date is after the last session');
      else if (deadline > firstDay) warnings.push('The register-by date is after the first session, so people could book part-way through');
    }
    if (input.registrationOpens && isoDate(input.registrationOpens) > firstDay) {
      warnings.push('Registration opens after the first session');
    }
    sessions.forEach((s, i) => {
      const j = sessions.findIndex((o) => sameInstant(o, s));
      if (j < i) warnings.push(`Session ${i + 1} is at the same time as session ${j + 1}`);
    });
  }
  if (!input.saveTheDate && !input.registrationUrl && !input.registrationContact) {
    warnings.push('There is no registration link or contact, so readers will not know how to book');
  }
  return warnings;
}

/**
 * Warnings for a form that is still being filled in: whatever can already be read
 * (valid sessions, complete dates) is checked; the rest is ignored.
 */
export function formWarnings(raw: unknown): string[] {
  const v = (nestEventFields(raw) ?? {}) as Record<string, unknown>;
  const sessions = (Array.isArray(v.sessions) ? v.sessions : []).flatMap((s, i) => resolveSession(s, i).session ?? []);
  const date = (x: unknown) => {
    const r = parseGovukDate(x, 'date');
    return r.ok ? r.date : null;
  };
  return eventWarnings({
    sessions,
    registrationDeadline: date(v.registrationDeadline),
    registrationOpens: date(v.registrationOpens),
    saveTheDate: truthy(v.saveTheDate),
    registrationUrl: str(v.registrationUrl) || null,
    registrationContact: str(v.registrationContact) || null,
  });
}
