import 'server-only';
import { db } from '@/lib/db';
import { deliverBatch } from '@/lib/subscriptions/deliver';
import { enqueueEditionSend } from './queues';

export const EDITION_BATCH = 50;

/**
 * The send-edition worker: batches until nothing is queued. A batch whose every
 * message met a temporary failure (the SMTP server refusing everything for now)
 * throws, so pg-boss retries the job later with backoff; what was sent stays sent.
 */
export async function handleSendEdition(job: { sendId: string }) {
  for (;;) {
    const batch = await deliverBatch(job.sendId, { limit: EDITION_BATCH });
    if (!batch) return { status: 'missing' as const };
    const { claimed, sentNow, retryNow, ...progress } = batch;
    if (progress.queued === 0) return { status: 'done' as const, ...progress };
    // Another worker holds the rest: wait for it (rows it left by crashing are released after the lease).
    if (claimed === 0) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    // Every row of the batch met a temporary failure: let pg-boss retry later, with backoff.
    if (sentNow === 0 && retryNow === claimed) {
      throw new Error(`Email edition send ${job.sendId}: ${progress.queued} waiting on temporary SMTP failures; retrying later.`);
    }
  }
}

/** At worker start: every send not finished (the server stopped mid-send) is queued again. */
export async function resumeEditionSends(): Promise<number> {
  const open = await db.editionSend.findMany({ where: { finishedAt: null }, select: { id: true } });
  for (const s of open) await enqueueEditionSend(s.id);
  return open.length;
}
