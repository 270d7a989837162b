import 'server-only';
import { PERMISSIONS, type Action } from '@/lib/auth/permissions';
import { createNotifications, type NotificationInput } from '@/lib/data/notifications';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueueEmails } from '@/lib/jobs/queues';

// Notifications: notify() writes the in-app rows inside the change's transaction;
// after it commits, sendNotificationEmails() queues one email job per row. Email
// failures are the queue's business (retried) and never reach the editor's action.

type Tx = Prisma.TransactionClient;

export type { NotificationInput };

/** Writes the notifications in the caller's transaction, leaving out `exceptUserId` (the person acting). */
export async function notify(tx: Tx, inputs: NotificationInput[], opts: { exceptUserId?: string | null } = {}): Promise<string[]> {
  return createNotifications(
    tx,
    inputs.filter((n) => n.userId !== opts.exceptUserId),
  );
}

/** After commit: queue the emails for the notifications just written. Never throws. */
export async function sendNotificationEmails(notificationIds: string[]): Promise<number> {
  return enqueueEmails(notificationIds.map((notificationId) => ({ notificationId })));
}

/** Active users whose role has `action` (any scope). */
export async function activeUsersWhoCan(tx: Tx, action: Action): Promise<{ id: string; name: string }[]> {
  const roles = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter(
    (role) => PERMISSIONS[role].has(`${action}:any`) || PERMISSIONS[role].has(`${action}:own`),
  );
  return activeUsersWithRoles(tx, roles);
}

/**
 * Active users with one of `roles`, locked FOR KEY SHARE: a user deleted by a
 * concurrent transaction is either not seen or waits for this one to commit (and then
 * takes its notifications with it). Without the lock the notification insert could
 * reference a row deleted in between and fail the whole action.
 */
export async function activeUsersWithRoles(tx: Tx, roles: readonly string[]): Promise<{ id: string; name: string }[]> {
  return tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM "User"
    WHERE active AND role::text = ANY(${[...roles]}::text[])
    ORDER BY name ASC
    FOR KEY SHARE`;
}
