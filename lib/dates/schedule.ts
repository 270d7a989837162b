import { AppError } from '@/lib/errors';
import { londonInstant } from './london';
import { parseGovukDate, parseTime } from './parse';

/** A London date (GOV.UK day/month/year) and 24-hour or am/pm time as a UTC instant in the future. */
export function parseScheduleTime(input: { date: { day?: unknown; month?: unknown; year?: unknown }; time: string }, now: Date): Date {
  const date = parseGovukDate(input.date, 'the publication date');
  if (!date.ok) throw new AppError('invalid', date.problem.message, { fieldErrors: { date: [date.problem.message] } });
  const time = parseTime(input.time ?? '');
  if (!time) {
    const message = (input.time ?? '').trim() ? 'Enter a real time, like 09:30 or 2pm' : 'Enter the publication time';
    throw new AppError('invalid', message, { fieldErrors: { time: [message] } });
  }
  const instant = londonInstant(date.date, time);
  if (!instant) {
    const message = 'That time does not exist in the UK on that day (the clocks go forward). Choose another time';
    throw new AppError('invalid', message, { fieldErrors: { time: [message] } });
  }
  if (instant.getTime() <= now.getTime()) {
    const message = 'The publication time must be in the future';
    throw new AppError('invalid', message, { fieldErrors: { date: [message] } });
  }
  return instant;
}
