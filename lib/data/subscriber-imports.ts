import 'server-only';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReadResult } from '@/lib/subscriptions/import-csv';
import {
  CURRENT_IMPORT_DECLARATION,
  type ImportRejection,
  type ImportRow,
} from '@/lib/validation/subscriber-import';

// A subscriber import in two steps (docs/decisions/031-subscriber-import.md): the
// file's rows, checked against the file and the database, are kept as a preview;
// an editor then adds them in one transaction, checked again, or discards them.
// Once added or discarded, the addresses waiting in the preview are not kept.

type Tx = Prisma.TransactionClient;
type Client = Pick<Tx, '$queryRaw'>;

/** Addresses already known: a subscriber not unsubscribed, or suppressed (an unsubscribe always is). */
async function knownAddresses(client: Client, emails: string[]) {
  if (emails.length === 0) return { subscribed: new Set<string>(), suppressed: new Set<string>() };
  const rows = await client.$queryRaw<{ email: string; why: 'subscribed' | 'suppressed' }[]>`
    SELECT email, 'suppressed' AS why FROM "EmailSuppression" WHERE "liftedAt" IS NULL AND email = ANY(${emails}::text[])
    UNION ALL
    SELECT email, CASE WHEN status = 'UNSUBSCRIBED' THEN 'suppressed' ELSE 'subscribed' END FROM "Subscriber" WHERE email = ANY(${emails}::text[])`;
  const subscribed = new Set<string>();
  const suppressed = new Set<string>();
  for (const r of rows) (r.why === 'suppressed' ? suppressed : subscribed).add(r.email);
  return { subscribed, suppressed };
}

/** Rows the database would refuse now, taken out of `rows` and reported. */
async function splitKnown(client: Client, rows: ImportRow[]) {
  const { subscribed, suppressed } = await knownAddresses(client, rows.map((r) => r.email));
  const fresh: ImportRow[] = [];
  const refused: ImportRejection[] = [];
  for (const row of rows) {
    if (suppressed.has(row.email)) refused.push({ line: row.line, value: row.email, reason: 'suppressed' });
    else if (subscribed.has(row.email)) refused.push({ line: row.line, value: row.email, reason: 'subscribed' });
    else fresh.push(row);
  }
  return { fresh, refused };
}

/** Step 1: keeps the checked rows as a preview. Nothing is added to the subscribers. */
export async function createSubscriberImport(user: SessionUser, fileName: string, read: ReadResult): Promise<{ id: string }> {
  requirePermission(user, 'subscriber:import');
  const { fresh, refused } = await splitKnown(db, read.accepted);
  const rejected = [...read.rejected, ...refused].sort((a, b) => a.line - b.line);
  return db.subscriberImport.create({
    data: { fileName: fileName.slice(0, 255), rowCount: read.rowCount, accepted: fresh, rejected, createdById: user.id },
    select: { id: true },
  });
}

export type SubscriberImportView = NonNullable<Awaited<ReturnType<typeof getSubscriberImport>>>;

export async function getSubscriberImport(user: SessionUser, id: string) {
  requirePermission(user, 'subscriber:import');
  const found = await db.subscriberImport.findUnique({
    where: { id },
    select: {
      id: true, fileName: true, status: true, rowCount: true, accepted: true, rejected: true, skipped: true,
      added: true, createdAt: true, appliedAt: true, createdBy: { select: { name: true } },
    },
  });
  if (!found) return null;
  return {
    ...found,
    accepted: found.accepted as ImportRow[],
    rejected: found.rejected as ImportRejection[],
    skipped: (found.skipped ?? []) as ImportRejection[],
  };
}

/** The latest imports, for the import page. */
export async function recentSubscriberImports(user: SessionUser) {
  requirePermission(user, 'subscriber:import');
  return db.subscriberImport.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 10,
    select: { id: true, fileName: true, status: true, rowCount: true, added: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/** Locks a preview; refuses one already added or discarded (a second click, another editor). */
async function lockPreview(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ status: string; fileName: string; accepted: ImportRow[] }[]>`
    SELECT status::text, "fileName", accepted FROM "SubscriberImport" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw new AppError('not_found', 'This import no longer exists.');
  if (row.status === 'APPLIED') throw new AppError('conflict', 'These subscribers have already been added. Nothing was added again.');
  if (row.status === 'DISCARDED') throw new AppError('conflict', 'This import was discarded. Upload the file again to import it.');
  return row;
}

const BATCH = 2_000;

/**
 * Step 2: adds the previewed rows as confirmed subscribers, each with a consent
 * record (source IMPORT, the editor's declaration, the editor), in one transaction
 * with the audit row. Rows that became subscribers or suppressed since the preview
 * are left out and reported.
 */
export async function applySubscriberImport(user: SessionUser, id: string): Promise<{ added: number; skipped: number }> {
  requirePermission(user, 'subscriber:import');
  return db.$transaction(
    async (tx) => {
      const preview = await lockPreview(tx, id);
      const { fresh, refused } = await splitKnown(tx, preview.accepted);
      const now = new Date();
      const created: { id: string; email: string }[] = [];
      for (let i = 0; i < fresh.length; i += BATCH) {
        const rows = fresh.slice(i, i + BATCH);
        created.push(
          ...(await tx.subscriber.createManyAndReturn({
            data: rows.map((r) => ({ email: r.email, status: 'CONFIRMED' as const, newIssues: r.newIssues, eventsDigest: r.eventsDigest, confirmedAt: now })),
            // A reader who subscribed on the site a moment ago keeps their own record.
            skipDuplicates: true,
            select: { id: true, email: true },
          })),
        );
      }
      const byEmail = new Map(fresh.map((r) => [r.email, r]));
      const createdEmails = new Set(created.map((c) => c.email));
      for (const r of fresh) if (!createdEmails.has(r.email)) refused.push({ line: r.line, value: r.email, reason: 'subscribed' });
      for (let i = 0; i < created.length; i += BATCH) {
        await tx.subscriberConsent.createMany({
          data: created.slice(i, i + BATCH).map((c) => {
            const r = byEmail.get(c.email)!;
            return { subscriberId: c.id, event: 'CONFIRMED' as const, source: 'IMPORT' as const, wordingVersion: CURRENT_IMPORT_DECLARATION, newIssues: r.newIssues, eventsDigest: r.eventsDigest, actorId: user.id, createdAt: now };
          }),
        });
      }
      refused.sort((a, b) => a.line - b.line);
      await tx.subscriberImport.update({ where: { id }, data: { status: 'APPLIED', appliedAt: now, added: created.length, skipped: refused, accepted: [] }, select: { id: true } });
      await audit(tx, {
        actorId: user.id,
        action: 'subscriber.import',
        entityType: 'SubscriberImport',
        entityId: id,
        details: { fileName: preview.fileName, added: created.length, skipped: refused.length, declaration: CURRENT_IMPORT_DECLARATION },
      });
      return { added: created.length, skipped: refused.length };
    },
    { timeout: 120_000 },
  );
}

export async function discardSubscriberImport(user: SessionUser, id: string): Promise<void> {
  requirePermission(user, 'subscriber:import');
  await db.$transaction(async (tx) => {
    const preview = await lockPreview(tx, id);
    await tx.subscriberImport.update({ where: { id }, data: { status: 'DISCARDED', accepted: [], rejected: [] }, select: { id: true } });
    await audit(tx, { actorId: user.id, action: 'subscriber.import-discard', entityType: 'SubscriberImport', entityId: id, details: { fileName: preview.fileName } });
  });
}
