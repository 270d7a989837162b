import 'server-only';
import { AppError } from '@/lib/errors';
import { requirePermission, unauthenticated } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { NotificationKind, Prisma } from '@/lib/generated/prisma/client';
import { isAppPath } from '@/lib/workflow/links';

type Tx = Pick<Prisma.TransactionClient, 'notification'>;

export type NotificationInput = { userId: string; kind: NotificationKind; title: string; body?: string; href: string };

const MAX_TITLE = 200;
const MAX_BODY = 2000;
export const NOTIFICATIONS_PAGE = 50;

function clip(text: string, max: number) {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Writes notifications; call it inside the transaction that makes the change
 * they announce, so both happen or neither does. One per user (duplicates dropped).
 */
export async function createNotifications(tx: Tx, inputs: NotificationInput[]): Promise<string[]> {
  const seen = new Set<string>();
  const rows = inputs.filter((n) => !seen.has(n.userId) && seen.add(n.userId));
  for (const n of rows) if (!isAppPath(n.href)) throw new Error(`Notification link must be a path in the app: ${n.href}`);
  if (rows.length === 0) return [];
  const created = await tx.notification.createManyAndReturn({
    data: rows.map((n) => ({ userId: n.userId, kind: n.kind, title: clip(n.title, MAX_TITLE), body: clip(n.body ?? '', MAX_BODY), href: n.href })),
    select: { id: true },
  });
  return created.map((c) => c.id);
}

/** Everyone may read their own notifications, and only their own (every query filters on userId). */
function signedIn(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user || !user.active) throw unauthenticated();
  requirePermission(user, 'notification:read', { ownerId: user.id });
}

/** The user's own notifications, newest first, with how many are unread. */
export async function listNotifications(user: SessionUser, opts: { take?: number; unreadOnly?: boolean } = {}) {
  signedIn(user);
  const take = Math.min(Math.max(1, opts.take ?? NOTIFICATIONS_PAGE), 200);
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: user.id, ...(opts.unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, kind: true, title: true, body: true, href: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId: user.id, readAt: null } }),
  ]);
  return { items, unread };
}

export async function unreadNotificationCount(user: SessionUser): Promise<number> {
  signedIn(user);
  return db.notification.count({ where: { userId: user.id, readAt: null } });
}

/** Marks one of the user's notifications read; someone else's is "not found". Returns its link. */
export async function markNotificationRead(user: SessionUser, id: string): Promise<{ href: string }> {
  signedIn(user);
  const own = await db.notification.findFirst({ where: { id, userId: user.id }, select: { href: true } });
  if (!own) throw new AppError('not_found', 'That notification no longer exists.');
  await db.notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return own;
}

export async function markAllNotificationsRead(user: SessionUser): Promise<number> {
  signedIn(user);
  const { count } = await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
