import { formatDate, formatSession } from '@/lib/dates';
import { MODE_LABELS } from '@/lib/validation/events';

/** "Tuesday 4 November 2025, 9:30am to 12:30pm" or "Tuesday 4 November 2025 and 3 more sessions". */
export function sessionSummary(sessions: { startsAt: Date; endsAt: Date; allDay: boolean }[]): string {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const first = sorted[0];
  if (!first) return 'No sessions';
  if (sorted.length === 1) return formatSession(first);
  const more = sorted.length - 1;
  return `${formatDate(first.startsAt)} and ${more} more ${more === 1 ? 'session' : 'sessions'}`;
}

export const modeLabel = (mode: keyof typeof MODE_LABELS) => MODE_LABELS[mode];

export const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'draft',
  IN_REVIEW: 'in review',
  APPROVED: 'approved',
  SCHEDULED: 'scheduled',
  PUBLISHED: 'published',
  ARCHIVED: 'archived',
};
