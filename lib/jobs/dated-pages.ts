import 'server-only';
import { eventsWithDateChanges } from '@/lib/data/public-pages';
import { schedulePublicPages } from '@/lib/public-pages/schedule';

// Stored public pages that change with the date alone (decision 025): a "Book by" badge
// becomes "Closing soon", then "Booking closed"; an event ends and moves to
// /events/past. Nothing is edited, so no action triggers a refresh; the
// public-pages-dates job (every minute, Europe/London) re-stores the pages of the events
// whose state changed since the last run.

/** The first run after start looks this far back; the start-up rebuild covers the time before. */
const FIRST_WINDOW_MS = 2 * 60_000;

/** The end of the last window checked in this process. */
let checkedUntil: number | null = null;

/** Re-stores the pages of public events whose date state changed in (from, to]; returns their slugs. */
export async function refreshDatedPages(from: Date, to: Date): Promise<string[]> {
  const slugs = await eventsWithDateChanges(from, to);
  if (slugs.length) await schedulePublicPages({ eventSlugs: slugs });
  return slugs;
}

/**
 * The job: the window runs from the previous run to `now`, so a late or skipped minute
 * is still covered. A failed query leaves the cursor, and the next run retries the window.
 */
export async function handleDatedPages(now: Date = new Date()): Promise<{ events: string[] }> {
  const from = new Date(checkedUntil ?? now.getTime() - FIRST_WINDOW_MS);
  if (now <= from) return { events: [] };
  const events = await refreshDatedPages(from, now);
  checkedUntil = now.getTime();
  return { events };
}
