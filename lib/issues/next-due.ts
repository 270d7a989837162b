import { londonToday } from '@/lib/dates';

/**
 * The issue due next: the earliest one whose month has not passed (in London),
 * or, when every open issue is for a past month, the latest of them.
 * `month` is an issue's first day, a UTC midnight.
 */
export function nextIssueDue<T extends { month: Date }>(issues: readonly T[], now: Date): T | undefined {
  const today = londonToday(now);
  const thisMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  const byMonth = [...issues].sort((a, b) => a.month.getTime() - b.month.getTime());
  return byMonth.find((i) => i.month.getTime() >= thisMonth) ?? byMonth.at(-1);
}
