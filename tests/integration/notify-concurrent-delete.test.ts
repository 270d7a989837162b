import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// A sponsor account deleted while an intro is being submitted: the submit notifies
// every active sponsor, and must neither fail (foreign key on Notification.userId)
// nor notify the deleted account.

vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => undefined }));

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let wf: typeof import('@/lib/data/workflow');
let boss: typeof import('@/lib/jobs/worker');

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  wf = await import('@/lib/data/workflow');
  boss = await import('@/lib/jobs/worker');
});

afterAll(async () => {
  await boss?.stopJobs();
  await tearDownWorkflowDatabase(testDb);
});

async function waitForLockWait(client: pg.Client, deadlineMs = 10_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    if (Date.now() > until) throw new Error('the submit never waited on the deleted sponsor');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('notifying every active sponsor', () => {
  it('skips a sponsor deleted by a concurrent transaction instead of failing', async () => {
    const issue = await makeIssue(testDb);
    const gone = await testDb.prisma.user.create({
      data: { email: `gone-${Date.now()}@example.org`, name: 'Gone Sponsor', role: 'SPONSOR', active: true },
      select: { id: true },
    });
    const deleter = new pg.Client({ connectionString: testDb.url });
    const watcher = new pg.Client({ connectionString: testDb.url });
    await Promise.all([deleter.connect(), watcher.connect()]);
    try {
      await deleter.query('BEGIN');
      await deleter.query('DELETE FROM "User" WHERE id = $1', [gone.id]);
      const submitting = wf.submitIntroForApproval(as.editor, { issueId: issue.id });
      await waitForLockWait(watcher);
      await deleter.query('COMMIT');
      await expect(submitting).resolves.toMatchObject({ issue: { status: 'IN_REVIEW' } });
    } finally {
      await deleter.end();
      await watcher.end();
    }
    expect(await testDb.prisma.user.count({ where: { id: gone.id } })).toBe(0);
    expect(await testDb.prisma.notification.count({ where: { userId: as.sponsor.id, href: { contains: issue.id } } })).toBeGreaterThan(0);
  });
});
