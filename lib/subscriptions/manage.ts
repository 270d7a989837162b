import 'server-only';
import { db } from '@/lib/db';
import { audit } from '@/lib/audit';
import type { DigestFrequency, SubscriberStatus } from '@/lib/generated/prisma/client';
import { verifyManageToken } from './tokens';
import { CURRENT_WORDING } from './wording';

// The manage link is the reader's only credential: every function here takes the
// signed token, never a subscriber id from the request.

export type ManagedSubscriber = { id: string; email: string; status: SubscriberStatus; newIssues: boolean; eventsDigest: DigestFrequency };

const SELECT = { id: true, email: true, status: true, newIssues: true, eventsDigest: true } as const;

/** The subscriber a manage token names, or null when the token is malformed, forged or revoked. */
export async function subscriberForToken(token: string): Promise<ManagedSubscriber | null> {
  const named = verifyManageToken(token);
  if (!named) return null;
  return db.subscriber.findFirst({ where: { id: named.id, manageVersion: named.version }, select: SELECT });
}

export type PreferencesOutcome = 'saved' | 'not-found' | 'not-subscribed';

export async function updatePreferences(token: string, prefs: { newIssues: boolean; eventsDigest: DigestFrequency }): Promise<PreferencesOutcome> {
  const named = verifyManageToken(token);
  if (!named) return 'not-found';
  return db.$transaction(async (tx) => {
    const changed = await tx.subscriber.updateMany({ where: { id: named.id, manageVersion: named.version, status: 'CONFIRMED' }, data: prefs });
    if (changed.count !== 1) {
      const exists = await tx.subscriber.count({ where: { id: named.id, manageVersion: named.version } });
      return exists ? 'not-subscribed' : 'not-found';
    }
    await tx.subscriberConsent.create({ data: { subscriberId: named.id, event: 'CHANGED', source: 'FORM', wordingVersion: CURRENT_WORDING, ...prefs }, select: { id: true } });
    await audit(tx, { actorId: null, action: 'subscriber.preferences', entityType: 'Subscriber', entityId: named.id, details: prefs });
    return 'saved';
  });
}

/**
 * Unsubscribes and suppresses the address (kept after unsubscribe, so an import
 * or an editor cannot add it back). Doing it twice changes nothing the second
 * time. False when the token names nobody.
 */
export async function unsubscribe(token: string, via: 'one-click' | 'page'): Promise<boolean> {
  const named = verifyManageToken(token);
  if (!named) return false;
  const now = new Date();
  return db.$transaction(async (tx) => {
    const subscriber = await tx.subscriber.findFirst({ where: { id: named.id, manageVersion: named.version }, select: { id: true, email: true, newIssues: true, eventsDigest: true } });
    if (!subscriber) return false;
    const left = await tx.subscriber.updateMany({ where: { id: subscriber.id, status: { not: 'UNSUBSCRIBED' } }, data: { status: 'UNSUBSCRIBED', unsubscribedAt: now } });
    if (left.count === 0) return true;
    await tx.subscriptionToken.updateMany({ where: { subscriberId: subscriber.id, usedAt: null }, data: { usedAt: now } });
    // An editor's block stays an editor's block (the reader's own confirmation cannot lift it).
    const active = await tx.emailSuppression.findFirst({ where: { email: subscriber.email, liftedAt: null }, select: { email: true } });
    if (!active) {
      await tx.emailSuppression.upsert({
        where: { email: subscriber.email },
        create: { email: subscriber.email, reason: 'UNSUBSCRIBED', suppressedAt: now },
        update: { reason: 'UNSUBSCRIBED', suppressedAt: now, liftedAt: null },
      });
    }
    await tx.subscriberConsent.create({
      data: { subscriberId: subscriber.id, event: 'WITHDRAWN', source: 'FORM', wordingVersion: CURRENT_WORDING, newIssues: subscriber.newIssues, eventsDigest: subscriber.eventsDigest },
      select: { id: true },
    });
    await audit(tx, { actorId: null, action: 'subscriber.unsubscribe', entityType: 'Subscriber', entityId: subscriber.id, details: { via } });
    return true;
  });
}
