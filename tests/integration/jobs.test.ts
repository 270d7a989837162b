import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { jobs, makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, text, type Who } from '../support/workflow';

// Scheduled publishing through pg-boss, with the worker running in this process as
// it does inside `npm start`: a job publishes at its time, a catch-up publishes what
// fell due while the app was down, and running twice publishes once. Outside a
// request Next cannot revalidate, so the worker asks the server's internal route
// (a stand-in HTTP server here) with the shared-secret token.

vi.mock('@/lib/revalidate', () => ({
  revalidatePublicContent: () => {
    throw new Error('Invariant: static generation store missing in revalidateTag issues');
  },
}));

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let wf: typeof import('@/lib/data/workflow');
let boss: typeof import('@/lib/jobs/worker');
let scheduled: typeof import('@/lib/jobs/publish-scheduled');
let queues: typeof import('@/lib/jobs/queues');
let hash: typeof import('@/lib/workflow/intro-hash');
let revalidator: http.Server;
const revalidations: { authorization: string | undefined; body: unknown }[] = [];

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  // No SMTP_URL here: emails are skipped with a log line each.
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  process.env.NEXTAUTH_SECRET = 'test-secret-for-jobs';
  revalidator = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      revalidations.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.statusCode = req.url === '/api/internal/revalidate' ? 204 : 404;
      res.end();
    });
  });
  await new Promise<void>((r) => revalidator.listen(0, '127.0.0.1', r));
  process.env.INTERNAL_URL = `http://127.0.0.1:${(revalidator.address() as AddressInfo).port}`;
  wf = await import('@/lib/data/workflow');
  boss = await import('@/lib/jobs/worker');
  scheduled = await import('@/lib/jobs/publish-scheduled');
  queues = await import('@/lib/jobs/queues');
  hash = await import('@/lib/workflow/intro-hash');
});

afterAll(async () => {
  await boss?.stopJobs({ timeout: 2000 });
  await new Promise((r) => revalidator?.close(r));
  delete process.env.INTERNAL_URL;
  await tearDownWorkflowDatabase(testDb);
});

async function approvedIssue() {
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
  await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: hash.introContentHash(intro) });
  return issue;
}

/** SCHEDULED with a time in the past and no job: as if the app was down when it fell due. */
async function overdueIssue(minutesAgo: number) {
  const issue = await approvedIssue();
  await testDb.prisma.issue.update({ where: { id: issue.id }, data: { status: 'SCHEDULED', scheduledAt: new Date(Date.now() - minutesAgo * 60_000) } });
  await testDb.prisma.auditLog.create({ data: { actorId: as.editor.id, action: 'issue.schedule', entityType: 'Issue', entityId: issue.id } });
  return issue;
}

const issueRow = (id: string) => testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true, scheduledAt: true } });
const publishAudits = (id: string) => testDb.prisma.auditLog.findMany({ where: { action: 'issue.publish', entityId: id }, select: { actorId: true, details: true } });
const publishedNotes = (href: string) => testDb.prisma.notification.findMany({ where: { kind: 'ISSUE_PUBLISHED', href }, select: { userId: true, title: true } });

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('scheduled publishing', () => {
  it('an issue that fell due while the app was stopped is published when the workers start', async () => {
    const a = await overdueIssue(90);
    const b = await overdueIssue(5);
    const notDue = await approvedIssue();
    await testDb.prisma.issue.update({ where: { id: notDue.id }, data: { status: 'SCHEDULED', scheduledAt: new Date(Date.now() + 3_600_000) } });
    expect(await scheduled.catchUpOverdue(new Date(Date.now() - 24 * 3_600_000))).toEqual({ published: [], blocked: [] });

    await boss.startJobs({ pollingIntervalSeconds: 0.5 });
    expect(boss.jobsRunning()).toBe(true);
    for (const issue of [a, b]) {
      expect(await issueRow(issue.id)).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(Date), scheduledAt: null });
      expect(await publishAudits(issue.id)).toEqual([{ actorId: null, details: { from: 'SCHEDULED', to: 'PUBLISHED', by: 'schedule', revision: 1 } }]);
      expect(await publishedNotes(`/admin/issues/${issue.id}`)).toEqual([{ userId: as.editor.id, title: `Published: ${issue.title}` }]);
    }
    expect((await issueRow(notDue.id)).status).toBe('SCHEDULED');
    // The worker revalidated through the server's internal route, with the shared-secret token.
    const { internalRevalidateToken } = await import('@/lib/workflow/revalidate');
    expect(revalidations).toEqual(
      expect.arrayContaining([
        { authorization: `Bearer ${internalRevalidateToken()}`, body: { issueSlugs: [a.slug] } },
        { authorization: `Bearer ${internalRevalidateToken()}`, body: { issueSlugs: [b.slug] } },
      ]),
    );
  });

  it('an issue scheduled 2 seconds ahead is published by the worker at its time', async () => {
    const issue = await approvedIssue();
    const scheduledAt = new Date(Date.now() + 2_000);
    await wf.scheduleIssueAt(as.editor, { issueId: issue.id, scheduledAt });
    expect((await issueRow(issue.id)).status).toBe('SCHEDULED');
    const [job] = (await jobs(testDb, 'publish-issue')).filter((j) => j.data.issueId === issue.id);
    expect(job).toMatchObject({ singleton_key: `${issue.id}@${scheduledAt.toISOString()}` });
    expect(job!.start_after.getTime()).toBe(scheduledAt.getTime());

    const row = await until(() => issueRow(issue.id), (r) => r.status === 'PUBLISHED', 15_000);
    expect(row.status).toBe('PUBLISHED');
    expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime());
    expect(await publishAudits(issue.id)).toHaveLength(1);
    expect(await publishedNotes(`/admin/issues/${issue.id}`)).toEqual([{ userId: as.editor.id, title: `Published: ${issue.title}` }]);
  });

  it('a double run publishes once: one audit row, one notification', async () => {
    const issue = await overdueIssue(1);
    const outcomes = await Promise.all([
      scheduled.handlePublishIssue({ issueId: issue.id, scheduledAt: new Date().toISOString() }),
      scheduled.handlePublishIssue({ issueId: issue.id, scheduledAt: new Date().toISOString() }),
      scheduled.catchUpOverdue(),
    ]);
    const published = outcomes.filter((o) => ('outcome' in o ? o.outcome === 'published' : o.published.includes(issue.id)));
    expect(published).toHaveLength(1);
    expect(await scheduled.handlePublishIssue({ issueId: issue.id, scheduledAt: new Date().toISOString() })).toEqual({ outcome: 'not-scheduled' });
    expect((await issueRow(issue.id)).status).toBe('PUBLISHED');
    expect(await publishAudits(issue.id)).toHaveLength(1);
    expect(await publishedNotes(`/admin/issues/${issue.id}`)).toHaveLength(1);
  });

  it('queues one job per issue and time, however often it is sent', async () => {
    const issue = await approvedIssue();
    const at = new Date(Date.now() + 3_600_000);
    const first = await queues.enqueuePublish(issue.id, at);
    const second = await queues.enqueuePublish(issue.id, at);
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect((await jobs(testDb, 'publish-issue')).filter((j) => j.data.issueId === issue.id)).toHaveLength(1);
  });

  it('a job for a cancelled or moved schedule publishes nothing', async () => {
    const issue = await approvedIssue();
    await wf.scheduleIssueAt(as.editor, { issueId: issue.id, scheduledAt: new Date(Date.now() + 1_000) });
    await wf.unscheduleIssue(as.editor, { issueId: issue.id });
    // The job stays queued; wait until the worker has run it, and found nothing to publish.
    const job = async () => (await jobs(testDb, 'publish-issue')).find((j) => j.data.issueId === issue.id);
    const ran = await until(job, (j) => j?.state === 'completed', 15_000);
    expect(ran).toMatchObject({ state: 'completed', output: { outcome: 'not-scheduled' } });
    expect(await issueRow(issue.id)).toMatchObject({ status: 'APPROVED', scheduledAt: null });
    expect(await publishAudits(issue.id)).toEqual([]);
  });

  it('an intro edited after scheduling is not published: back to APPROVED, the editor is told', async () => {
    const issue = await approvedIssue();
    await wf.scheduleIssueAt(as.editor, { issueId: issue.id, scheduledAt: new Date(Date.now() + 1_000) });
    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Edited after scheduling.') } });
    const row = await until(() => issueRow(issue.id), (r) => r.status !== 'SCHEDULED', 15_000);
    expect(row).toMatchObject({ status: 'APPROVED', scheduledAt: null, publishedAt: null });
    expect(await testDb.prisma.auditLog.findMany({ where: { action: 'issue.schedule-blocked', entityId: issue.id }, select: { details: true } })).toEqual([
      { details: expect.objectContaining({ unmet: ['intro-approved'] }) },
    ]);
    const notes = await publishedNotes(`/admin/issues/${issue.id}`);
    expect(notes).toEqual([{ userId: as.editor.id, title: `Not published: ${issue.title}` }]);
  });
});

describe('the queue stops cleanly', () => {
  it('stopJobs ends the workers and closes every queue connection', async () => {
    const app = () =>
      testDb.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'regional-update-jobs' AND datname = current_database()`);
    expect((await app())[0]!.n).toBeGreaterThan(0);
    // The server's shutdown and the signal handler both call it: the second waits for the first.
    let firstDone = false;
    const first = boss.stopJobs({ timeout: 2000 }).then(() => (firstDone = true));
    await boss.stopJobs({ timeout: 2000 });
    expect(firstDone).toBe(true);
    await first;
    expect(boss.jobsRunning()).toBe(false);
    const after = await until(app, (rows) => rows[0]!.n === 0, 5_000);
    expect(after[0]!.n).toBe(0);
  });
});

describe('instrumentation', () => {
  it('starts the workers only in the Node.js runtime, not while building', async () => {
    const { register } = await import('@/instrumentation');
    const runtime = process.env.NEXT_RUNTIME;
    try {
      process.env.NEXT_RUNTIME = 'edge';
      await register();
      expect(boss.jobsRunning()).toBe(false);
      process.env.NEXT_RUNTIME = 'nodejs';
      process.env.NEXT_PHASE = 'phase-production-build';
      await register();
      expect(boss.jobsRunning()).toBe(false);
      delete process.env.NEXT_PHASE;
      const before = process.listenerCount('SIGTERM');
      await register();
      expect(boss.jobsRunning()).toBe(true);
      expect(process.listenerCount('SIGTERM')).toBe(before + 1);
      // SIGTERM (what scripts/start.mjs sends) stops the queue.
      process.listeners('SIGTERM').at(-1)!('SIGTERM');
      await until(async () => boss.jobsRunning(), (running) => !running, 5_000);
      expect(boss.jobsRunning()).toBe(false);
    } finally {
      process.env.NEXT_RUNTIME = runtime;
      if (runtime === undefined) delete process.env.NEXT_RUNTIME;
      await boss.stopJobs({ timeout: 2000 });
    }
  });
});
