import 'server-only';
import PgBoss from 'pg-boss';
import { EMAIL_RETRY, QUEUES } from './names';

// The job queue: pg-boss 10 (runs on Node 20) in its own schema "pgboss" of the
// app's database. One instance per process, kept on globalThis so dev reloads and
// the instrumentation hook share it. Enqueuing starts it lazily without workers;
// startJobs() in ./worker (instrumentation.ts, tests) also runs the workers.

export type State = { boss: PgBoss; ready: Promise<PgBoss>; workers: boolean; url: string };
const g = globalThis as unknown as {
  __pgBoss?: State;
  __pgBossStopping?: Promise<void>;
  /** For scripts/server.mjs: stop the queue before the process exits. */
  __regionalUpdateStopJobs?: () => Promise<void>;
};

export const BOSS_SCHEMA = 'pgboss';

async function createQueues(boss: PgBoss, emailRetry: { retryLimit: number; retryDelay: number; retryBackoff: boolean }) {
  // createQueue does nothing for a queue that exists (ON CONFLICT DO NOTHING), so starts may race.
  // stately: at most one queued and one running job per singleton key (issue and time).
  await boss.createQueue(QUEUES.publishIssue, { name: QUEUES.publishIssue, policy: 'stately' });
  await boss.createQueue(QUEUES.publishOverdue, { name: QUEUES.publishOverdue, policy: 'singleton' });
  await boss.createQueue(QUEUES.datedPages, { name: QUEUES.datedPages, policy: 'singleton' });
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

/** The running instance's state, for the worker (which marks that it runs workers). */
export function bossState(): State | undefined {
  return g.__pgBoss;
}

/** For scripts/server.mjs: how to stop the queue before the process exits. */
export function exposeStopForServer(stop: () => Promise<void>): void {
  g.__regionalUpdateStopJobs = stop;
}
