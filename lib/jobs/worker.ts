import 'server-only';
import type PgBoss from 'pg-boss';
import { bossState, exposeStopForServer, getBoss, stopJobs, type StartOptions } from './boss';
import { QUEUES } from './names';
import { handleDatedPages } from './dated-pages';
import { catchUpOverdue, handlePublishIssue } from './publish-scheduled';
import { handleSendEmail } from './send-email';

// The jobs worker: registers the handlers, which call domain code (lib/data).
// Imported only by instrumentation.ts and tests, so nothing the handlers import
// can reach back here (docs/decisions/019-layering.md).

export { stopJobs, type StartOptions };

/**
 * Starts the queue with its workers: publish-issue (scheduled publishing),
 * publish-overdue (every minute, and once now: catches up after downtime),
 * public-pages-dates (every minute: stored pages whose registration badge or ended
 * state changes that minute) and send-email (retried with backoff).
 */
export async function startJobs(opts: StartOptions = {}): Promise<PgBoss> {
  const boss = await getBoss(opts);
  const state = bossState()!;
  if (opts.workers === false || state.workers) return boss;
  state.workers = true;
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUES.publishIssue, polling, async ([job]) => handlePublishIssue(job!.data as { issueId: string; scheduledAt: string }));
  await boss.work(QUEUES.sendEmail, { ...polling, batchSize: 1 }, async ([job]) => handleSendEmail(job!.data as never));
  await boss.work(QUEUES.publishOverdue, polling, async () => catchUpOverdue());
  await boss.schedule(QUEUES.publishOverdue, '* * * * *', {}, { tz: 'Europe/London' });
  await boss.work(QUEUES.datedPages, polling, async () => handleDatedPages());
  await boss.schedule(QUEUES.datedPages, '* * * * *', {}, { tz: 'Europe/London' });
  if (opts.catchUp !== false) {
    try {
      const result = await catchUpOverdue();
      if (result.published.length || result.blocked.length) {
        console.info(`Caught up on overdue issues: ${result.published.length} published, ${result.blocked.length} held back by the publish gate.`);
      }
    } catch (error) {
      console.error('Catching up on overdue issues failed; the minute check will try again:', error);
    }
  }
  return boss;
}

/**
 * For instrumentation.ts: start the workers unless building or disabled, and stop
 * them on SIGTERM/SIGINT (scripts/server.mjs exits soon after those; a job cut
 * short is retried after restart). A failure to start is logged, never thrown:
 * the site still serves and overdue issues are caught up on the next start.
 */
export async function startJobsInServer(): Promise<boolean> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return false;
  if (process.env.JOBS_DISABLED === 'true' || !process.env.DATABASE_URL) return false;
  try {
    await startJobs();
  } catch (error) {
    console.error('The job queue did not start; scheduled issues will be published on the next start:', error);
    return false;
  }
  const stop = () => void stopJobs({ timeout: 4_000 });
  exposeStopForServer(() => stopJobs({ timeout: 4_000 }));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return true;
}

export function jobsRunning(): boolean {
  return !!bossState()?.workers;
}
