import 'server-only';
import { db } from '@/lib/db';
import { audit } from '@/lib/audit';
import { appUrl } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { alreadySubscribedEmail, confirmSubscriptionEmail } from '@/lib/email/subscription-messages';
import type { DigestFrequency } from '@/lib/generated/prisma/client';
import type { DigestChoice } from '@/lib/validation/subscriptions';
import { domainAllowed } from './domains';
import { consumeSubscribeRequest } from './throttle';
import { CONFIRMATION_HOURS, hashToken, manageToken, newConfirmationToken } from './tokens';
import { WORDINGS, type WordingVersion } from './wording';

// Double opt-in. The form's answer is the same whether the address is new,
// pending, confirmed or unsubscribed (no enumeration); what differs is only the
// email that address receives, and at most one of those an hour.

export const CONFIRMATION_INTERVAL_MS = 60 * 60_000;

export const toDigest = (choice: DigestChoice): DigestFrequency => (choice === 'weekly' ? 'WEEKLY' : choice === 'monthly' ? 'MONTHLY' : 'NONE');

export type SubscribeRequest = { email: string; newIssues: boolean; eventsDigest: DigestChoice; wording: WordingVersion; ip: string | null };
export type SubscribeOutcome = 'ok' | 'domain' | 'throttled';

type Mail = { kind: 'confirm'; token: string } | { kind: 'already'; manage: string };

export async function requestSubscription(req: SubscribeRequest): Promise<SubscribeOutcome> {
  if (!domainAllowed(req.email)) return 'domain';
  if (!(await consumeSubscribeRequest({ email: req.email, ip: req.ip }))) return 'throttled';
  const eventsDigest = toDigest(req.eventsDigest);
  const now = new Date();

  const claimed = await db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: two requests for a new address at once make one row.
    await tx.subscriber.createMany({ data: [{ email: req.email, newIssues: req.newIssues, eventsDigest }], skipDuplicates: true });
    const subscriber = await tx.subscriber.findUniqueOrThrow({ where: { email: req.email }, select: { id: true, status: true, manageVersion: true, confirmationSentAt: true } });
    const blocked = await tx.emailSuppression.findFirst({ where: { email: req.email, reason: 'EDITOR', liftedAt: null }, select: { email: true } });
    if (blocked) return null;
    // The conditional update is the hourly limit: of concurrent requests, one wins.
    const claim = await tx.subscriber.updateMany({
      where: { id: subscriber.id, OR: [{ confirmationSentAt: null }, { confirmationSentAt: { lte: new Date(now.getTime() - CONFIRMATION_INTERVAL_MS) } }] },
      data: { confirmationSentAt: now },
    });
    if (claim.count !== 1) return null;
    if (subscriber.status === 'CONFIRMED') {
      const mail: Mail = { kind: 'already', manage: manageToken(subscriber) };
      return { id: subscriber.id, previous: subscriber.confirmationSentAt, mail };
    }
    const { token, tokenHash } = newConfirmationToken();
    await tx.subscriptionToken.create({
      data: { subscriberId: subscriber.id, tokenHash, newIssues: req.newIssues, eventsDigest, wordingVersion: req.wording, expiresAt: new Date(now.getTime() + CONFIRMATION_HOURS * 3600_000) },
      select: { id: true },
    });
    await tx.subscriberConsent.create({
      data: { subscriberId: subscriber.id, event: 'REQUESTED', source: 'FORM', wordingVersion: req.wording, newIssues: req.newIssues, eventsDigest },
      select: { id: true },
    });
    await audit(tx, { actorId: null, action: 'subscriber.request', entityType: 'Subscriber', entityId: subscriber.id, details: { newIssues: req.newIssues, eventsDigest } });
    const mail: Mail = { kind: 'confirm', token };
    return { id: subscriber.id, previous: subscriber.confirmationSentAt, mail };
  });
  if (!claimed) return 'ok';

  const message =
    claimed.mail.kind === 'confirm'
      ? confirmSubscriptionEmail({
          to: req.email,
          link: appUrl(`/subscribe/confirm?${new URLSearchParams({ token: claimed.mail.token })}`),
          hours: CONFIRMATION_HOURS,
          summary: WORDINGS[req.wording].summary,
        })
      : alreadySubscribedEmail({ to: req.email, manageLink: appUrl(`/subscriptions/${claimed.mail.manage}`) });
  try {
    await sendEmail(message);
  } catch (error) {
    // Not sent, so give the hour back: the reader sees the same page and may try again.
    await db.subscriber.updateMany({ where: { id: claimed.id, confirmationSentAt: now }, data: { confirmationSentAt: claimed.previous } });
    console.error('[subscribe] confirmation email not sent', error);
  }
  return 'ok';
}

/** A confirmation link's state without using it (the page shows a button; mail scanners that follow links confirm nothing). */
export async function confirmationLinkState(token: string): Promise<'valid' | 'invalid'> {
  const row = await db.subscriptionToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return row && !row.usedAt && row.expiresAt > new Date() ? 'valid' : 'invalid';
}

/**
 * Uses a confirmation token: the subscriber is CONFIRMED with the streams asked
 * for, the consent is recorded, and a suppression from an earlier unsubscribe or
 * bounce is lifted (this is the reader's own, confirmed request). Returns the
 * manage token, or null when the link is unknown, used or expired.
 */
export async function confirmSubscription(token: string): Promise<string | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const used = await tx.subscriptionToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) return null;
    const t = await tx.subscriptionToken.findUniqueOrThrow({ where: { tokenHash }, select: { subscriberId: true, newIssues: true, eventsDigest: true, wordingVersion: true } });
    const subscriber = await tx.subscriber.findUniqueOrThrow({ where: { id: t.subscriberId }, select: { email: true } });
    const blocked = await tx.emailSuppression.findFirst({ where: { email: subscriber.email, reason: 'EDITOR', liftedAt: null }, select: { email: true } });
    if (blocked) return null;
    // An older link must not change the streams again later.
    await tx.subscriptionToken.updateMany({ where: { subscriberId: t.subscriberId, usedAt: null }, data: { usedAt: now } });
    const confirmed = await tx.subscriber.update({
      where: { id: t.subscriberId },
      data: { status: 'CONFIRMED', newIssues: t.newIssues, eventsDigest: t.eventsDigest, confirmedAt: now, unsubscribedAt: null, permanentFailures: 0 },
      select: { id: true, manageVersion: true },
    });
    await tx.emailSuppression.updateMany({ where: { email: subscriber.email, liftedAt: null }, data: { liftedAt: now } });
    await tx.subscriberConsent.create({
      data: { subscriberId: t.subscriberId, event: 'CONFIRMED', source: 'FORM', wordingVersion: t.wordingVersion, newIssues: t.newIssues, eventsDigest: t.eventsDigest },
      select: { id: true },
    });
    await audit(tx, { actorId: null, action: 'subscriber.confirm', entityType: 'Subscriber', entityId: t.subscriberId });
    return manageToken(confirmed);
  });
}
