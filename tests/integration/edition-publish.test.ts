import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { approvedIssue, as, introHash, testDb, workflowSuite } from '../support/workflow-suite';

// Emailing an issue when it is published (decision 026, issue 13): the publish
// panel's box with Publish now and Schedule, against real PostgreSQL, the real
// pg-boss workers and the real SMTP sink. One send per publish with the box ticked,
// none without it; the scheduled publish sends once however often its job runs; an
// issue sent before is sent again only when the editor ticks "Send it again".

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let sink: SmtpSink;
let worker: typeof import('@/lib/jobs/worker') | undefined;
workflowSuite({
  after: async () => {
    await worker?.stopJobs({ timeout: 2000 });
    delete process.env.SMTP_URL;
    delete process.env.EMAIL_RATE_PER_SECOND;
    await sink?.close();
  },
});

type Result = { status: string; code?: number; message?: string; data?: unknown; fieldErrors?: Record<string, string[] | undefined> };
type Fn = (prev: undefined, input: Record<string, unknown>) => Promise<Result>;
let publish: Fn;
let schedule: Fn;
let wf: typeof import('@/lib/data/workflow');
let editions: typeof import('@/lib/data/editions');
let scheduled: typeof import('@/lib/jobs/publish-scheduled');
const readers: string[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.SITE_URL = 'https://bulletin.example.org';
  process.env.NEXTAUTH_SECRET = 'edition-publish-test-secret';
  process.env.EMAIL_RATE_PER_SECOND = '1000';
  for (let i = 0; i < 6; i++) {
    const email = `publish-reader-${i}@example.org`;
    await testDb.prisma.subscriber.create({ data: { email, status: 'CONFIRMED', confirmedAt: new Date() } });
    readers.push(email);
  }
  // Not recipients: pending, unsubscribed, digest only.
  await testDb.prisma.subscriber.create({ data: { email: 'publish-pending@example.org' } });
  await testDb.prisma.subscriber.create({ data: { email: 'publish-left@example.org', status: 'UNSUBSCRIBED', unsubscribedAt: new Date() } });
  await testDb.prisma.subscriber.create({ data: { email: 'publish-digest@example.org', status: 'CONFIRMED', confirmedAt: new Date(), newIssues: false, eventsDigest: 'WEEKLY' } });
  publish = (await import('@/lib/actions/workflow/publish-issue')).publishIssueAction as unknown as Fn;
  schedule = (await import('@/lib/actions/workflow/schedule-issue')).scheduleIssueAction as unknown as Fn;
  wf = await import('@/lib/data/workflow');
  editions = await import('@/lib/data/editions');
  scheduled = await import('@/lib/jobs/publish-scheduled');
  worker = await import('@/lib/jobs/worker');
  await worker.startJobs({ pollingIntervalSeconds: 0.5, catchUp: false });
});

async function run(fn: Fn, input: Record<string, unknown>) {
  session.user = as.editor;
  try {
    return await fn(undefined, input);
  } finally {
    session.user = null;
  }
}

const sendsOf = (issueId: string) =>
  testDb.prisma.editionSend.findMany({
    where: { issueId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, introParagraphs: true, createdById: true, finishedAt: true, _count: { select: { deliveries: true } } },
  });
const sendAudits = (issueId: string) => testDb.prisma.auditLog.findMany({ where: { action: 'edition.send', entityId: issueId }, orderBy: { id: 'asc' }, select: { actorId: true, details: true } });
const status = async (id: string) => (await testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

/** Edition emails of `title` that reached the sink, per subscriber address. */
function received(title: string) {
  const counts = new Map<string, number>();
  for (const m of sink.messages) {
    if (!m.subject.includes(title)) continue;
    for (const to of m.envelopeTo) if (readers.includes(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

async function until<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every send of the issue finished by the send-edition worker. */
const finished = (issueId: string) => until(() => sendsOf(issueId), (s) => s.length > 0 && s.every((x) => x.finishedAt));

/** Unpublished, then the intro submitted and approved again: ready to publish once more. */
async function republishable(issue: { id: string; introId: string }) {
  await wf.unpublishIssue(as.editor, { issueId: issue.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
  expect(await status(issue.id)).toBe('APPROVED');
}

describe('Publish now with "Email this issue to the subscribers"', () => {
  it('ticked: publishes and starts one send to every confirmed subscriber, whose emails arrive once each', async () => {
    const issue = await approvedIssue();
    const offer = await editions.emailOnPublishView(as.editor, issue.id);
    expect(offer).toEqual({ recipients: readers.length, lastSend: null });

    const result = await run(publish, { issueId: issue.id, email: 'on', intro: 'full' });
    expect(result).toMatchObject({ status: 'success', data: { status: 'PUBLISHED', send: { recipients: readers.length } } });
    expect((result.data as { message: string }).message).toBe(`The issue is published. Readers can see it now. Emailing it to ${readers.length} subscribers has started.`);
    expect(await status(issue.id)).toBe('PUBLISHED');

    const sends = await finished(issue.id);
    expect(sends).toEqual([expect.objectContaining({ introParagraphs: null, createdById: as.editor.id, _count: { deliveries: readers.length } })]);
    expect(await sendAudits(issue.id)).toEqual([{ actorId: as.editor.id, details: { sendId: sends[0]!.id, recipients: readers.length, via: 'publish' } }]);
    const counts = await until(() => received(issue.title), (c) => c.size === readers.length);
    expect([...counts.keys()].sort()).toEqual([...readers].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The panel now says it was sent, to how many.
    expect(await editions.emailOnPublishView(as.editor, issue.id)).toEqual({ recipients: readers.length, lastSend: { at: expect.any(Date), recipients: readers.length } });
  });

  it('unticked: publishes and sends nothing', async () => {
    const issue = await approvedIssue();
    const result = await run(publish, { issueId: issue.id });
    expect(result).toMatchObject({ status: 'success', data: { status: 'PUBLISHED', send: null, message: 'The issue is published. Readers can see it now.' } });
    expect(await sendsOf(issue.id)).toEqual([]);
    expect(await sendAudits(issue.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(received(issue.title).size).toBe(0);
  });

  it('an issue sent before is not sent again by publishing again unless "Send it again" is ticked', async () => {
    const issue = await approvedIssue();
    await run(publish, { issueId: issue.id, email: 'on' });
    await finished(issue.id);
    await republishable(issue);

    // A page loaded before the first send still offers the first-send box: refused, and nothing is published.
    const stale = await run(publish, { issueId: issue.id, email: 'on' });
    expect(stale).toMatchObject({ status: 'error', code: 400, message: expect.stringMatching(/already been sent/), fieldErrors: { again: ['Tick this to send the issue again'] } });
    expect(await status(issue.id)).toBe('APPROVED');
    expect(await sendsOf(issue.id)).toHaveLength(1);

    // The box left unticked (its default now): published, not sent.
    expect(await run(publish, { issueId: issue.id })).toMatchObject({ status: 'success', data: { send: null } });
    expect(await sendsOf(issue.id)).toHaveLength(1);

    // Ticked deliberately: a second send, with the intro's first paragraph.
    await republishable(issue);
    expect(await run(publish, { issueId: issue.id, email: 'again', intro: 'first', paragraphs: '1' })).toMatchObject({ status: 'success', data: { send: { recipients: readers.length } } });
    const sends = await finished(issue.id);
    expect(sends.map((s) => s.introParagraphs)).toEqual([null, 1]);
    expect(await sendAudits(issue.id)).toHaveLength(2);
    const counts = await until(() => received(issue.title), (c) => [...c.values()].every((n) => n === 2));
    expect([...counts.values()]).toEqual(readers.map(() => 2));
  });

  it('refuses a malformed choice with field errors, publishing nothing', async () => {
    const issue = await approvedIssue();
    const bad = await run(publish, { issueId: issue.id, email: 'yes', intro: 'some', paragraphs: '7' });
    expect(bad).toMatchObject({ status: 'error', code: 400 });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['email', 'intro', 'paragraphs']);
    expect(await status(issue.id)).toBe('APPROVED');
    expect(await sendsOf(issue.id)).toEqual([]);
  });
});

describe('Schedule with "Email this issue to the subscribers"', () => {
  const future = { 'date.day': '3', 'date.month': '2', 'date.year': '2031', time: '09:00' };

  it('keeps the choice on the issue; the scheduled publish sends once, however often its job runs', async () => {
    const issue = await approvedIssue();
    const result = await run(schedule, { issueId: issue.id, ...future, email: 'on', intro: 'first', paragraphs: '2' });
    expect(result).toMatchObject({ status: 'success' });
    expect((result.data as { label: string }).label).toMatch(/and emailed to its subscribers then\.$/);
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, emailOnPublish: true, emailIntroParagraphs: true } })).toEqual({
      status: 'SCHEDULED',
      emailOnPublish: true,
      emailIntroParagraphs: 2,
    });
    const [audit] = await testDb.prisma.auditLog.findMany({ where: { action: 'issue.schedule', entityId: issue.id }, select: { details: true } });
    expect(audit!.details).toMatchObject({ email: { introParagraphs: 2 } });
    expect(await sendsOf(issue.id)).toEqual([]);

    // Its time comes: the job, a retry of it and the minute's catch-up, all at once.
    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    const job = { issueId: issue.id, scheduledAt: new Date().toISOString() };
    const outcomes = await Promise.all([scheduled.handlePublishIssue(job), scheduled.handlePublishIssue(job), scheduled.catchUpOverdue()]);
    expect(outcomes.filter((o) => ('outcome' in o ? o.outcome === 'published' : o.published.includes(issue.id)))).toHaveLength(1);
    // A later retry of the same job.
    expect(await scheduled.handlePublishIssue(job)).toEqual({ outcome: 'not-scheduled' });

    const sends = await finished(issue.id);
    expect(sends).toEqual([expect.objectContaining({ introParagraphs: 2, createdById: null, _count: { deliveries: readers.length } })]);
    expect(await sendAudits(issue.id)).toEqual([{ actorId: null, details: { sendId: sends[0]!.id, recipients: readers.length, via: 'schedule' } }]);
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, emailOnPublish: true, emailIntroParagraphs: true } })).toEqual({
      status: 'PUBLISHED',
      emailOnPublish: false,
      emailIntroParagraphs: null,
    });
    const counts = await until(() => received(issue.title), (c) => c.size === readers.length);
    expect([...counts.values()]).toEqual(readers.map(() => 1));
    await new Promise((r) => setTimeout(r, 1500));
    expect([...received(issue.title).values()]).toEqual(readers.map(() => 1));
  });

  it('the worker publishes a scheduled issue at its time and emails it', async () => {
    const issue = await approvedIssue();
    await wf.scheduleIssueAt(as.editor, { issueId: issue.id, scheduledAt: new Date(Date.now() + 1500), email: { introParagraphs: null, again: false } });
    const sends = await finished(issue.id);
    expect(await status(issue.id)).toBe('PUBLISHED');
    expect(sends).toHaveLength(1);
    const counts = await until(() => received(issue.title), (c) => c.size === readers.length);
    expect([...counts.values()]).toEqual(readers.map(() => 1));
  });

  it('unticked, or cancelled: the scheduled publish sends nothing', async () => {
    const plain = await approvedIssue();
    await run(schedule, { issueId: plain.id, ...future });
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: plain.id }, select: { emailOnPublish: true } })).toEqual({ emailOnPublish: false });
    const cancelled = await approvedIssue();
    await run(schedule, { issueId: cancelled.id, ...future, email: 'on' });
    await wf.unscheduleIssue(as.editor, { issueId: cancelled.id });
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: cancelled.id }, select: { emailOnPublish: true } })).toEqual({ emailOnPublish: false });
    // Scheduled again without the box: the earlier choice does not come back.
    await run(schedule, { issueId: cancelled.id, ...future });
    for (const issue of [plain, cancelled]) {
      await testDb.prisma.issue.update({ where: { id: issue.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
      expect(await scheduled.handlePublishIssue({ issueId: issue.id, scheduledAt: new Date().toISOString() })).toEqual({ outcome: 'published' });
      expect(await sendsOf(issue.id)).toEqual([]);
    }
  });

  it('an issue sent before is scheduled to send again only with "Send it again"', async () => {
    const issue = await approvedIssue();
    await run(publish, { issueId: issue.id, email: 'on' });
    await finished(issue.id);
    await republishable(issue);
    const stale = await run(schedule, { issueId: issue.id, ...future, email: 'on' });
    expect(stale).toMatchObject({ status: 'error', fieldErrors: { again: ['Tick this to send the issue again'] } });
    expect(await status(issue.id)).toBe('APPROVED');
    expect(await run(schedule, { issueId: issue.id, ...future, email: 'again' })).toMatchObject({ status: 'success' });
    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    expect(await scheduled.handlePublishIssue({ issueId: issue.id, scheduledAt: new Date().toISOString() })).toEqual({ outcome: 'published' });
    expect(await finished(issue.id)).toHaveLength(2);
  });
});

describe('with nobody to send to', () => {
  it('publishing with the box ticked records no send, so the issue can still be emailed once people subscribe', async () => {
    await testDb.prisma.subscriber.updateMany({ where: { email: { in: readers } }, data: { newIssues: false, eventsDigest: 'WEEKLY' } });
    try {
      const issue = await approvedIssue();
      expect(await editions.emailOnPublishView(as.editor, issue.id)).toEqual({ recipients: 0, lastSend: null });
      const result = await run(publish, { issueId: issue.id, email: 'on' });
      expect(result).toMatchObject({
        status: 'success',
        data: { status: 'PUBLISHED', send: null, message: 'The issue is published. Readers can see it now. No one has confirmed a subscription yet, so it was not emailed.' },
      });
      expect(await sendsOf(issue.id)).toEqual([]);
      expect(await sendAudits(issue.id)).toEqual([]);
    } finally {
      await testDb.prisma.subscriber.updateMany({ where: { email: { in: readers } }, data: { newIssues: true, eventsDigest: 'NONE' } });
    }
  });
});
