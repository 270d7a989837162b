import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Runs a public read in one REPEATABLE READ transaction, so every query it makes sees
 * the same committed state. Prisma reads each level of a nested select with its own
 * query: without one snapshot, a row deleted between two of them (an issue deleted,
 * an event deleted after a republish) comes back as null inside a "required"
 * relation, and the page fails with a 500. In one snapshot the foreign keys hold.
 *
 * The waits are longer than Prisma's defaults (2 s to start, 5 s to run) because a
 * reader on a loaded machine must not fail where the same queries outside a
 * transaction would only be slow.
 */
export function readSnapshot<T>(read: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(read, { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 20_000 });
}
