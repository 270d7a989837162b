import 'server-only';
import PgBoss from 'pg-boss';

// The job queue: pg-boss 10 (runs on Node 20) in its own schema "pgboss" of the
// app's database. One instance per process, kept on globalThis so dev reloads and
// the instrumentation hook share it. Enqueuing starts it lazily without workers;
// startJobs() (instrumentation.ts, tests) also runs the workers.

type State = { boss: PgBoss; ready: Promise<PgBoss>; workers: boolean; url: string };
const g = globalThis as unknown as {
  __pgBoss?: State;
  __pgBossStopping?: Promise<void>;
  /** For scripts/server.mjs: stop the queue before the process exits. */
  __regionalUpdateStopJobs?: () => Promise<void>;
};

export const BOSS_SCHEMA = 'pgboss';

async function createQueues(boss: PgBoss, emailRetry: { retryLimit: number; retryDelay: number; retryBackoff: boolean }) {
  const { QUEUES } = await import('./queues');
  // createQueue does nothing for a queue that exists (ON CONFLICT DO NOTHING), so starts may race.
  // stately: at most one queued and one running job per singleton key (issue and time).
  await boss.createQueue(QUEUES.publishIssue, { name: QUEUES.publishIssue, policy: 'stately' });
  await boss.createQueue(QUEUES.publishOverdue, { name: QUEUES.publishOverdue, policy: 'singleton' });
  await boss.createQueue(QUEUES.sendEmail, { name: QUEUES.sendEmail, policy: 'standard', ...emailRetry });
}

export type StartOptions = {
  /** Run the workers in this process (false: only send jobs). */
  workers?: boolean;
  /** Publish overdue scheduled issues now. */
  catchUp?: boolean;
  /** How often idle workers poll, in seconds (pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  emailRetry?: { retryLimit: number; retryDelay: number; retryBackoff: boolean };
};

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set, so the job queue cannot start.');
  return url;
}

/** The started pg-boss instance (started on first use). */
export async function getBoss(opts: StartOptions = {}): Promise<PgBoss> {
  const url = databaseUrl();
  if (g.__pgBoss && g.__pgBoss.url === url) return g.__pgBoss.ready;
  if (g.__pgBoss) await stopJobs();
  const boss = new PgBoss({ connectionString: url, schema: BOSS_SCHEMA, application_name: 'regional-update-jobs', max: 4 });
  boss.on('error', (error) => console.error('Job queue error:', error));
  const { EMAIL_RETRY } = await import('./queues');
  const ready = (async () => {
    await boss.start();
    await createQueues(boss, opts.emailRetry ?? EMAIL_RETRY);
    return boss;
  })();
  g.__pgBoss = { boss, ready, workers: false, url };
  try {
    return await ready;
  } catch (error) {
    if (g.__pgBoss?.boss === boss) delete g.__pgBoss;
    throw error;
  }
}

/**
 * Starts the queue with its workers: publish-issue (scheduled publishing),
 * publish-overdue (every minute, and once now: catches up after downtime) and
 * send-email (retried with backoff).
 */
export async function startJobs(opts: StartOptions = {}): Promise<PgBoss> {
  const boss = await getBoss(opts);
  const state = g.__pgBoss!;
  if (opts.workers === false || state.workers) return boss;
  state.workers = true;
  const { QUEUES } = await import('./queues');
  const { handlePublishIssue, catchUpOverdue } = await import('./publish-scheduled');
  const { handleSendEmail } = await import('./send-email');
  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUES.publishIssue, polling, async ([job]) => handlePublishIssue(job!.data as { issueId: string; scheduledAt: string }));
  await boss.work(QUEUES.sendEmail, { ...polling, batchSize: 1 }, async ([job]) => handleSendEmail(job!.data as never));
  await boss.work(QUEUES.publishOverdue, polling, async () => catchUpOverdue());
  await boss.schedule(QUEUES.publishOverdue, '* * * * *', {}, { tz: 'Europe/London' });
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

/** Stops workers (waiting up to `timeout` ms for running jobs) and closes the queue's connections. */
export async function stopJobs(opts: { timeout?: number } = {}): Promise<void> {
  // A second caller (the signal handler and the server both stop it) waits for the first.
  if (g.__pgBossStopping) return g.__pgBossStopping;
  const state = g.__pgBoss;
  if (!state) return;
  delete g.__pgBoss;
  g.__pgBossStopping = (async () => {
    await state.ready.catch(() => undefined);
    await state.boss.stop({ graceful: true, wait: true, timeout: opts.timeout ?? 10_000 }).catch((error) => {
      console.error('Job queue did not stop cleanly:', error);
    });
  })().finally(() => {
    g.__pgBossStopping = undefined;
  });
  return g.__pgBossStopping;
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
  g.__regionalUpdateStopJobs = () => stopJobs({ timeout: 4_000 });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return true;
}

export function jobsRunning(): boolean {
  return !!g.__pgBoss?.workers;
}
