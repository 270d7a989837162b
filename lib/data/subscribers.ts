import 'server-only';
import { likePattern } from '@/lib/data/like-pattern';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { SUBSCRIBERS_PAGE_SIZE, type SubscriberFilter } from '@/lib/validation/subscriber-import';

// The subscribers pages (editors and admins; issue 13). An address is "suppressed"
// when an active EmailSuppression names it (bouncing, or stopped by an editor) and
// the reader has not unsubscribed; an unsubscribed reader is shown as unsubscribed.
// Contributors and sponsors see no addresses: every function asks subscriber:read.

export type SubscriberDisplayStatus = 'PENDING' | 'CONFIRMED' | 'UNSUBSCRIBED' | 'SUPPRESSED';

const DISPLAY_STATUS = Prisma.sql`CASE WHEN e.email IS NOT NULL AND s.status <> 'UNSUBSCRIBED' THEN 'SUPPRESSED' ELSE s.status::text END`;
const FROM = Prisma.sql`FROM "Subscriber" s LEFT JOIN "EmailSuppression" e ON e.email = s.email AND e."liftedAt" IS NULL`;

function whereFor(opts: { q: string; status: SubscriberFilter }) {
  const parts: Prisma.Sql[] = [];
  if (opts.q) parts.push(Prisma.sql`s.email ILIKE ${likePattern(opts.q)}`);
  if (opts.status !== 'all') parts.push(Prisma.sql`${DISPLAY_STATUS} = ${opts.status.toUpperCase()}`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

export type SubscriberRow = {
  id: string;
  email: string;
  status: SubscriberDisplayStatus;
  newIssues: boolean;
  eventsDigest: 'NONE' | 'WEEKLY' | 'MONTHLY';
  createdAt: Date;
};

/** One page of subscribers, newest first, by part of the address and by status. */
export async function listSubscribers(user: SessionUser, opts: { q: string; status: SubscriberFilter; page: number }) {
  requirePermission(user, 'subscriber:read');
  const where = whereFor(opts);
  const [count] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${FROM} ${where}`;
  const total = count?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PAGE_SIZE));
  const page = Math.min(opts.page, pageCount);
  const subscribers = await db.$queryRaw<SubscriberRow[]>`
    SELECT s.id, s.email, ${DISPLAY_STATUS} AS status, s."newIssues", s."eventsDigest"::text AS "eventsDigest", s."createdAt"
    ${FROM} ${where}
    ORDER BY s."createdAt" DESC, s.id
    LIMIT ${SUBSCRIBERS_PAGE_SIZE} OFFSET ${(page - 1) * SUBSCRIBERS_PAGE_SIZE}`;
  return { subscribers, total, page, pageCount };
}

export type SubscriberCounts = Record<Lowercase<SubscriberDisplayStatus>, number> & { newIssues: number; weekly: number; monthly: number };

/** How many in each status, and how many would receive each stream now (confirmed, not suppressed). */
export async function subscriberCounts(user: SessionUser): Promise<SubscriberCounts> {
  requirePermission(user, 'subscriber:read');
  const [row] = await db.$queryRaw<SubscriberCounts[]>`
    SELECT
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'PENDING')::int AS pending,
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'CONFIRMED')::int AS confirmed,
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'UNSUBSCRIBED')::int AS unsubscribed,
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'SUPPRESSED')::int AS suppressed,
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'CONFIRMED' AND s."newIssues")::int AS "newIssues",
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'CONFIRMED' AND s."eventsDigest" = 'WEEKLY')::int AS weekly,
      count(*) FILTER (WHERE ${DISPLAY_STATUS} = 'CONFIRMED' AND s."eventsDigest" = 'MONTHLY')::int AS monthly
    ${FROM}`;
  return row!;
}

/** One subscriber with their consent history and deliveries; null if not found. */
export async function getSubscriber(user: SessionUser, id: string) {
  requirePermission(user, 'subscriber:read');
  const subscriber = await db.subscriber.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      status: true,
      newIssues: true,
      eventsDigest: true,
      createdAt: true,
      confirmedAt: true,
      unsubscribedAt: true,
      permanentFailures: true,
      consents: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, event: true, source: true, wordingVersion: true, newIssues: true, eventsDigest: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
  if (!subscriber) return null;
  const [suppression, deliveries] = await Promise.all([
    db.emailSuppression.findFirst({ where: { email: subscriber.email, liftedAt: null }, select: { reason: true, suppressedAt: true } }),
    db.editionDelivery.groupBy({ by: ['status'], where: { subscriberId: id }, _count: { _all: true } }),
  ]);
  const status: SubscriberDisplayStatus = suppression && subscriber.status !== 'UNSUBSCRIBED' ? 'SUPPRESSED' : subscriber.status;
  return {
    ...subscriber,
    displayStatus: status,
    suppression,
    deliveries: Object.fromEntries(deliveries.map((d) => [d.status, d._count._all])) as Partial<Record<string, number>>,
  };
}

export type ExportRow = {
  email: string;
  status: SubscriberDisplayStatus;
  newIssues: boolean;
  eventsDigest: string;
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  suppression: string | null;
  consentSource: string | null;
  consentWording: string | null;
  consentAt: Date | null;
};

/**
 * Every subscriber, oldest first, with the consent that stands (the latest record).
 * The export is personal data leaving the system, so it is in the audit log.
 */
export async function exportSubscribers(user: SessionUser): Promise<ExportRow[]> {
  requirePermission(user, 'subscriber:read');
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ExportRow[]>`
    SELECT s.email, ${DISPLAY_STATUS} AS status, s."newIssues", s."eventsDigest"::text AS "eventsDigest",
      s."createdAt", s."confirmedAt", s."unsubscribedAt", e.reason::text AS suppression,
      c.source::text AS "consentSource", c."wordingVersion" AS "consentWording", c."createdAt" AS "consentAt"
    ${FROM}
    LEFT JOIN LATERAL (
      SELECT source, "wordingVersion", "createdAt" FROM "SubscriberConsent"
      WHERE "subscriberId" = s.id ORDER BY "createdAt" DESC, id DESC LIMIT 1
    ) c ON true
    ORDER BY s."createdAt", s.id`;
    await audit(tx, { actorId: user.id, action: 'subscriber.export', entityType: 'Subscriber', details: { rows: rows.length } });
    return rows;
  });
}
