import 'server-only';
import { audit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPublishedIssue } from '@/lib/data/issues';
import { EmailHeaderError } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { editionTemplate, personalise } from './edition';

// Delivering the email edition. A send fixes its recipients when it is created
// (confirmed, receiving new issues, not suppressed). Each delivery row is claimed
// (PENDING → SENDING, FOR UPDATE SKIP LOCKED, so workers never share one) before
// its SMTP call and never claimed again: each (send, subscriber) is sent at most
// once. A row still SENDING after a crash is not resent (the server may have
// accepted it); it is reported as interrupted. Temporary SMTP failures (4xx) go
// back to PENDING for a later batch; permanent ones (5xx) count as bounces.

/** SENDING longer than this was cut short by a crash or restart. */
export const LEASE_MS = 10 * 60_000;
/** Tries of one delivery on temporary failures before it counts as failed. */
export const MAX_ATTEMPTS = 6;
export const INTERRUPTED = 'Interrupted while sending (the server stopped); not sent again, so nobody gets it twice.';

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
/** Permanent failures after which an address is suppressed (EMAIL_BOUNCE_LIMIT, default 3). */
export const bounceLimit = () => Math.floor(positive(process.env.EMAIL_BOUNCE_LIMIT, 3));
/** Messages per second (EMAIL_RATE_PER_SECOND, default 10). */
export const ratePerSecond = () => positive(process.env.EMAIL_RATE_PER_SECOND, 10);

type SendOptions = { issueId: string; introParagraphs: number | null; actorId: string | null; via?: 'email-page' | 'publish' | 'schedule' };

/** A send and its recipients, with its audit row, inside the caller's transaction (publishing creates one with the publish). */
export async function createEditionSendInTx(tx: Prisma.TransactionClient, opts: SendOptions) {
  const send = await tx.editionSend.create({ data: { issueId: opts.issueId, introParagraphs: opts.introParagraphs, createdById: opts.actorId }, select: { id: true } });
  const recipients = await tx.$executeRaw`
    INSERT INTO "EditionDelivery" ("sendId", "subscriberId")
    SELECT ${send.id}::uuid, s.id FROM "Subscriber" s
    WHERE s.status = 'CONFIRMED' AND s."newIssues"
      AND NOT EXISTS (SELECT 1 FROM "EmailSuppression" e WHERE e.email = s.email AND e."liftedAt" IS NULL)`;
  const details = { sendId: send.id, recipients, ...(opts.via && opts.via !== 'email-page' ? { via: opts.via } : {}) };
  await audit(tx, { actorId: opts.actorId, action: 'edition.send', entityType: 'Issue', entityId: opts.issueId, details });
  return { id: send.id, recipients };
}

export async function createEditionSend(opts: SendOptions) {
  return db.$transaction((tx) => createEditionSendInTx(tx, opts));
}

export async function sendProgress(sendId: string) {
  const rows = await db.editionDelivery.groupBy({ by: ['status'], where: { sendId }, _count: { _all: true } });
  const count = Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number | undefined>;
  return { queued: (count.PENDING ?? 0) + (count.SENDING ?? 0), sent: count.SENT ?? 0, failed: count.FAILED ?? 0, suppressed: count.SUPPRESSED ?? 0 };
}

type Claimed = { id: string; subscriberId: string; email: string; manageVersion: number; status: string; suppressed: boolean; attempts: number };

const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return error instanceof EmailHeaderError || (typeof code === 'number' && code >= 500);
};

async function recordBounce(subscriberId: string, email: string) {
  await db.$transaction(async (tx) => {
    const s = await tx.subscriber.update({ where: { id: subscriberId }, data: { permanentFailures: { increment: 1 } }, select: { permanentFailures: true } });
    if (s.permanentFailures < bounceLimit()) return;
    const active = await tx.emailSuppression.findFirst({ where: { email, liftedAt: null }, select: { email: true } });
    if (active) return;
    await tx.emailSuppression.upsert({ where: { email }, create: { email, reason: 'BOUNCED' }, update: { reason: 'BOUNCED', suppressedAt: new Date(), liftedAt: null } });
    await audit(tx, { actorId: null, action: 'subscriber.suppress', entityType: 'Subscriber', entityId: subscriberId, details: { reason: 'BOUNCED', failures: s.permanentFailures } });
  });
}

/** Sends up to `limit` pending deliveries of a send, at the configured rate; returns the progress after it and what this batch did. */
export async function deliverBatch(sendId: string, opts: { limit?: number } = {}) {
  const send = await db.editionSend.findUnique({ where: { id: sendId }, select: { introParagraphs: true, issue: { select: { slug: true } } } });
  if (!send) return null;
  const issue = await getPublishedIssue(send.issue.slug);
  await db.editionDelivery.updateMany({ where: { sendId, status: 'SENDING', claimedAt: { lt: new Date(Date.now() - LEASE_MS) } }, data: { status: 'FAILED', lastError: INTERRUPTED } });
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EditionDelivery" d SET status = 'SENDING', "claimedAt" = now(), attempts = d.attempts + 1
    FROM "Subscriber" s
    WHERE d.id IN (SELECT id FROM "EditionDelivery" WHERE "sendId" = ${sendId}::uuid AND status = 'PENDING' ORDER BY id LIMIT ${opts.limit ?? 50} FOR UPDATE SKIP LOCKED)
      AND s.id = d."subscriberId"
    RETURNING d.id, d.attempts, s.id AS "subscriberId", s.email, s."manageVersion", s.status::text AS status,
      EXISTS (SELECT 1 FROM "EmailSuppression" e WHERE e.email = s.email AND e."liftedAt" IS NULL) AS suppressed`;
  const interval = 1000 / ratePerSecond();
  const intro = send.introParagraphs ? ({ mode: 'first', paragraphs: send.introParagraphs } as const) : ({ mode: 'full' } as const);
  const template = issue && claimed.length ? await editionTemplate(issue, intro) : null;
  let sentNow = 0;
  let retryNow = 0;
  for (const d of claimed) {
    const started = Date.now();
    // Unsubscribed or suppressed since the send was created, or the issue was unpublished.
    if (!template || d.suppressed || d.status !== 'CONFIRMED') {
      await db.editionDelivery.update({ where: { id: d.id }, data: { status: 'SUPPRESSED' } });
      continue;
    }
    try {
      await sendEmail(personalise(template, { id: d.subscriberId, email: d.email, manageVersion: d.manageVersion }));
      await db.editionDelivery.update({ where: { id: d.id }, data: { status: 'SENT', sentAt: new Date(), lastError: null } });
      sentNow++;
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      if (isPermanent(error)) {
        await db.editionDelivery.update({ where: { id: d.id }, data: { status: 'FAILED', lastError: message } });
        if (!(error instanceof EmailHeaderError)) await recordBounce(d.subscriberId, d.email);
      } else {
        await db.editionDelivery.update({ where: { id: d.id }, data: { status: d.attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING', lastError: message } });
        if (d.attempts < MAX_ATTEMPTS) retryNow++;
      }
    }
    const wait = interval - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const progress = await sendProgress(sendId);
  if (progress.queued === 0) await db.editionSend.updateMany({ where: { id: sendId, finishedAt: null }, data: { finishedAt: new Date() } });
  return { ...progress, claimed: claimed.length, sentNow, retryNow };
}
