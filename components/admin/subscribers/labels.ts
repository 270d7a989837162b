import type { SubscriberDisplayStatus } from '@/lib/data/subscribers';

// Words for the subscribers pages' codes (statuses, streams, consent records).

export const STATUS_LABEL: Record<SubscriberDisplayStatus, string> = {
  PENDING: 'Pending (not yet confirmed)',
  CONFIRMED: 'Confirmed',
  UNSUBSCRIBED: 'Unsubscribed',
  SUPPRESSED: 'Suppressed',
};

export const DIGEST_LABEL = { NONE: 'No events digest', WEEKLY: 'Weekly events digest', MONTHLY: 'Monthly events digest' } as const;

export const CONSENT_EVENT_LABEL = { REQUESTED: 'Asked to subscribe', CONFIRMED: 'Confirmed', CHANGED: 'Changed what they get', WITHDRAWN: 'Unsubscribed' } as const;
export const CONSENT_SOURCE_LABEL = { FORM: 'The reader, on the site or from an email', IMPORT: 'A CSV import by an editor', EDITOR: 'An editor' } as const;
export const SUPPRESSION_LABEL = { UNSUBSCRIBED: 'they unsubscribed', BOUNCED: 'emails to the address kept failing', EDITOR: 'an editor stopped emails to it' } as const;

/** What a subscriber receives, in a few words. */
export function streamsLabel(s: { newIssues: boolean; eventsDigest: keyof typeof DIGEST_LABEL }): string {
  const parts = [s.newIssues ? 'New issues' : null, s.eventsDigest === 'NONE' ? null : DIGEST_LABEL[s.eventsDigest]].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Nothing';
}

export const IMPORT_STATUS_LABEL = { PREVIEW: 'Waiting to be added or discarded', APPLIED: 'Added', DISCARDED: 'Discarded' } as const;
