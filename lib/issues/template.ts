// The shape of a new issue: its suggested title and slug, and the sections it starts with.
// Pure functions (no database), shared by the new-issue form and the data layer.
import { slugify } from '@/lib/slug';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export type TemplateSection = { kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST'; title: string };

export const ISSUE_TEMPLATE: readonly TemplateSection[] = [
  { kind: 'INTRO', title: 'From our sponsor' },
  { kind: 'EVENT_LIST', title: 'Upcoming Conferences and Events' },
  { kind: 'EVENT_LIST', title: 'CPD Opportunities' },
  { kind: 'EVENT_LIST', title: 'Key Events' },
];

export const EMPTY_DOC = { type: 'doc', content: [] } as const;

/** The first of the month as a UTC date, as stored in Issue.month. `month` is 1–12. */
export function monthDate(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1));
}

/** The month after `now` (UTC), as { year, month } with month 1–12. */
export function nextMonth(now: Date = new Date()): { year: number; month: number } {
  const m = now.getUTCMonth() + 1; // 0-based + 1 = next month, 0-based
  return m === 12 ? { year: now.getUTCFullYear() + 1, month: 1 } : { year: now.getUTCFullYear(), month: m + 1 };
}

/** "Regional Update – December 2026" */
export function suggestTitle(year: number, month: number): string {
  return `Regional Update – ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "regional-update-december-2026" */
export function suggestSlug(year: number, month: number): string {
  return slugify(suggestTitle(year, month));
}
