import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, makeIssue, text } from '../support/workflow';
import { approvedIssue as approved, as, introHash, revalidated, submittedIssue as submitted, testDb, workflowSuite } from '../support/workflow-suite';

// lib/data/workflow.ts against a real database: conditional transitions with audit
// rows and notifications, the intro hash, the publish gate, London scheduling.

let boss: typeof import('@/lib/jobs/worker') | undefined;
workflowSuite({ after: async () => boss?.stopJobs() });

let wf: typeof import('@/lib/data/workflow');
let gates: typeof import('@/lib/data/workflow-gate');

beforeAll(async () => {
  wf = await import('@/lib/data/workflow');
  gates = await import('@/lib/data/workflow-gate');
  boss = await import('@/lib/jobs/worker');
});

const status = async (id: string) => (await testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const auditRows = (action: string, entityId: string) =>
  testDb.prisma.auditLog.findMany({ where: { action, entityId }, select: { actorId: true, details: true } });
const notificationsFor = (userId: string, kind: string) =>
  testDb.prisma.notification.findMany({ where: { userId, kind: kind as never }, select: { id: true, title: true, body: true, href: true } });

describe('submitting the intro for approval', () => {
  it('moves DRAFT → IN_REVIEW with an audit row, notifies the sponsor and queues their email', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    const result = await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    expect(result.issue.status).toBe('IN_REVIEW');
    expect(await status(issue.id)).toBe('IN_REVIEW');
    const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { approvalRequestedAt: true } });
    expect(intro.approvalRequestedAt).toBeInstanceOf(Date);
    expect(await auditRows('intro.submit', issue.id)).toEqual([
      { actorId: as.editor.id, details: expect.objectContaining({ from: 'DRAFT', to: 'IN_REVIEW', sectionId: issue.introId }) },
    ]);
    expect(await notificationsFor(as.sponsor.id, 'SUBMITTED_FOR_APPROVAL')).toEqual([
      expect.objectContaining({ title: `Intro ready for your approval: ${issue.title}`, href: `/admin/issues/${issue.id}/approval` }),
    ]);
    const emailJobs = (await jobs(testDb, 'send-email')).filter((j) => result.notificationIds.includes(String(j.data.notificationId)));
    expect(emailJobs).toHaveLength(1);
    // The sponsor now has two choices.
    const panel = await gates.getIssueWorkflow(as.sponsor, issue.id);
    expect(panel!.intro!.state).toBe('pending');
    expect(panel!.transitions.map((t) => t.name)).toEqual(['approve', 'requestChanges']);
  });

  it('refuses contributors, a second submission and an issue without an intro', async () => {
    const issue = await makeIssue(testDb);
    await expect(wf.submitIntroForApproval(as.contributor, { issueId: issue.id })).rejects.toMatchObject({ code: 'forbidden' });
    await wf.submitIntroForApproval(as.sponsor, { issueId: issue.id });
    await expect(wf.submitIntroForApproval(as.editor, { issueId: issue.id })).rejects.toMatchObject({ status: 409 });
    await testDb.prisma.section.delete({ where: { id: issue.introId } });
    const other = await makeIssue(testDb);
    await testDb.prisma.section.delete({ where: { id: other.introId } });
    await expect(wf.submitIntroForApproval(as.editor, { issueId: other.id })).rejects.toMatchObject({ status: 400 });
    expect(await status(other.id)).toBe('DRAFT');
  });
});

describe('approving the intro', () => {
  it('records who, when and the hash; notifies the editor who submitted', async () => {
    const issue = await submitted();
    const contentHash = await introHash(issue.introId);
    const now = new Date('2026-11-30T10:00:00Z');
    const result = await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash }, { now });
    expect(result).toMatchObject({ alreadyApproved: false, issue: { status: 'APPROVED' } });
    const intro = await testDb.prisma.section.findUniqueOrThrow({
      where: { id: issue.introId },
      select: { approvedById: true, approvedAt: true, approvedContentHash: true, approvalRequestedAt: true },
    });
    expect(intro).toEqual({ approvedById: as.sponsor.id, approvedAt: now, approvedContentHash: contentHash, approvalRequestedAt: null });
    expect(await auditRows('intro.approve', issue.id)).toHaveLength(1);
    expect(await notificationsFor(as.editor.id, 'APPROVED')).toContainEqual(
      expect.objectContaining({ title: `Intro approved: ${issue.title}`, href: `/admin/issues/${issue.id}` }),
    );
  });

  it('refuses editors and contributors, and an approval of text the sponsor did not read', async () => {
    const issue = await submitted();
    const contentHash = await introHash(issue.introId);
    for (const user of [as.editor, as.contributor]) {
      await expect(wf.approveIntro(user, { issueId: issue.id, contentHash })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Edited while the sponsor was reading.') } });
    await expect(wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash })).rejects.toMatchObject({ status: 409 });
    expect(await status(issue.id)).toBe('IN_REVIEW');
    expect(await auditRows('intro.approve', issue.id)).toEqual([]);
  });

  it('10 parallel approvals: exactly one approval, one audit row, one notification and one email job', async () => {
    const issue = await submitted();
    const contentHash = await introHash(issue.introId);
    const before = await testDb.prisma.notification.count({ where: { kind: 'APPROVED' } });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof wf.approveIntro>>>).value);
    expect(values.filter((v) => !v.alreadyApproved)).toHaveLength(1);
    expect(values.filter((v) => v.alreadyApproved)).toHaveLength(9);
    expect(await status(issue.id)).toBe('APPROVED');
    expect(await auditRows('intro.approve', issue.id)).toHaveLength(1);
    const notes = await testDb.prisma.notification.findMany({ where: { kind: 'APPROVED', href: `/admin/issues/${issue.id}` }, select: { id: true } });
    expect(notes).toHaveLength(1);
    expect(await testDb.prisma.notification.count({ where: { kind: 'APPROVED' } })).toBe(before + 1);
    const emailJobs = (await jobs(testDb, 'send-email')).filter((j) => j.data.notificationId === notes[0]!.id);
    expect(emailJobs).toHaveLength(1);
  });
});

describe('requesting changes', () => {
  it('needs a comment', async () => {
    const issue = await submitted();
    await expect(wf.requestIntroChanges(as.sponsor, { issueId: issue.id, comment: '   ' })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { comment: ['Enter a comment saying what needs to change'] },
    });
    expect(await status(issue.id)).toBe('IN_REVIEW');
  });

  it('returns the issue to DRAFT with the comment on the intro, and tells the submitter', async () => {
    const issue = await submitted();
    const result = await wf.requestIntroChanges(as.sponsor, { issueId: issue.id, comment: 'Please mention the <b>Ofsted</b> visit.' });
    expect(await status(issue.id)).toBe('DRAFT');
    const comment = await testDb.prisma.comment.findUniqueOrThrow({ where: { id: result.commentId }, select: { sectionId: true, authorId: true, body: true } });
    expect(comment).toEqual({ sectionId: issue.introId, authorId: as.sponsor.id, body: 'Please mention the <b>Ofsted</b> visit.' });
    expect(await notificationsFor(as.editor.id, 'CHANGES_REQUESTED')).toContainEqual({
      id: expect.any(String),
      title: `Changes requested to the intro: ${issue.title}`,
      body: 'Please mention the <b>Ofsted</b> visit.',
      href: `/admin/issues/${issue.id}/sections/${issue.introId}#comment-${result.commentId}`,
    });
    expect(await auditRows('intro.request-changes', issue.id)).toHaveLength(1);
    // The officer revises and submits again.
    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Now with the Ofsted visit.') } });
    await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    expect(await status(issue.id)).toBe('IN_REVIEW');
  });

  it('is refused to editors', async () => {
    const issue = await submitted();
    await expect(wf.requestIntroChanges(as.editor, { issueId: issue.id, comment: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('hash-based void', () => {
  it('an edit after approval voids it and blocks publishing; reverting the text restores it', async () => {
    const issue = await approved();
    expect((await gates.getPublishGate(as.editor, issue.id))!.passed).toBe(true);

    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Welcome to the December issue!') } });
    const panel = await gates.getIssueWorkflow(as.editor, issue.id);
    expect(panel!.intro!.state).toBe('changed-since-approval');
    const gate = (await gates.getPublishGate(as.editor, issue.id))!;
    expect(gate.passed).toBe(false);
    expect(gate.items.find((i) => i.key === 'intro-approved')).toMatchObject({
      met: false,
      message: 'Intro changed since approval: submit it for approval again.',
      href: `/admin/issues/${issue.id}/sections/${issue.introId}`,
    });
    await expect(wf.publishIssue(as.editor, { issueId: issue.id })).rejects.toMatchObject({ status: 409, data: { gate: { passed: false } } });
    await expect(
      wf.scheduleIssue(as.editor, { issueId: issue.id, date: { day: '1', month: '12', year: '2030' }, time: '09:00' }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await status(issue.id)).toBe('APPROVED');

    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Welcome to the December issue.') } });
    expect((await gates.getIssueWorkflow(as.editor, issue.id))!.intro!.state).toBe('approved');
    await wf.publishIssue(as.editor, { issueId: issue.id });
    expect(await status(issue.id)).toBe('PUBLISHED');
  });
});

describe('the publish gate on real data', () => {
  it('blocks on an event without sessions, an image without alt, and a blocking comment; links to each', async () => {
    const issue = await approved();
    await testDb.prisma.eventSession.deleteMany({ where: { eventId: issue.eventId } });
    await testDb.prisma.media.update({ where: { id: issue.media.id }, data: { alt: '' } });
    await testDb.prisma.section.update({
      where: { id: issue.articleId },
      data: { body: { type: 'doc', content: [{ type: 'image', attrs: { src: `/media/${issue.media.fileName}`, alt: '' } }] } },
    });
    const blocking = await testDb.prisma.comment.create({ data: { sectionId: issue.articleId, authorId: as.sponsor.id, body: 'Check the figures', blocking: true }, select: { id: true } });
    const gate = (await gates.getPublishGate(as.editor, issue.id))!;
    expect(gate.items.map((i) => [i.key, i.met, i.href])).toEqual([
      ['intro-approved', true, null],
      ['events-complete', false, `/admin/events/${issue.eventId}`],
      ['images-described', false, `/admin/issues/${issue.id}/sections/${issue.articleId}`],
      ['no-blocking-comments', false, `/admin/issues/${issue.id}/sections/${issue.articleId}#comment-${blocking.id}`],
      ['no-empty-sections', true, null],
    ]);
    // Fixing each one clears it.
    await testDb.prisma.eventSession.create({ data: { eventId: issue.eventId, startsAt: new Date('2026-12-10T10:00:00Z'), endsAt: new Date('2026-12-10T11:00:00Z') } });
    await testDb.prisma.media.update({ where: { id: issue.media.id }, data: { decorative: true } });
    await testDb.prisma.comment.update({ where: { id: blocking.id }, data: { resolvedAt: new Date(), resolvedById: as.editor.id } });
    expect((await gates.getPublishGate(as.editor, issue.id))!.passed).toBe(true);
  });

  it('is not shown to contributors', async () => {
    const issue = await makeIssue(testDb);
    await expect(gates.getPublishGate(as.contributor, issue.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('scheduling', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  it('reads the time in Europe/London (GMT in winter, BST in summer) and queues the publishing job', async () => {
    const winter = await approved();
    const a = await wf.scheduleIssue(as.editor, { issueId: winter.id, date: { day: '1', month: '12', year: '2026' }, time: '09:00' }, { now });
    expect(a.scheduledAt.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const row = await testDb.prisma.issue.findUniqueOrThrow({ where: { id: winter.id }, select: { status: true, scheduledAt: true } });
    expect(row).toEqual({ status: 'SCHEDULED', scheduledAt: new Date('2026-12-01T09:00:00Z') });
    expect(await auditRows('issue.schedule', winter.id)).toEqual([
      { actorId: as.editor.id, details: { from: 'APPROVED', to: 'SCHEDULED', scheduledAt: '2026-12-01T09:00:00.000Z' } },
    ]);
    const queued = (await jobs(testDb, 'publish-issue')).filter((j) => j.data.issueId === winter.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.start_after.toISOString()).toBe('2026-12-01T09:00:00.000Z');

    const summer = await approved();
    const b = await wf.scheduleIssue(as.admin, { issueId: summer.id, date: { day: '1', month: 'June', year: '2027' }, time: '9am' }, { now });
    expect(b.scheduledAt.toISOString()).toBe('2027-06-01T08:00:00.000Z');
  });

  it('refuses the past, a time that does not exist, nonsense, sponsors and unapproved issues', async () => {
    const issue = await approved();
    const at = (day: string, month: string, year: string, time: string) => ({ issueId: issue.id, date: { day, month, year }, time });
    await expect(wf.scheduleIssue(as.editor, at('1', '11', '2026', '09:00'), { now })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { date: ['The publication time must be in the future'] },
    });
    await expect(wf.scheduleIssue(as.editor, at('28', '3', '2027', '01:30'), { now })).rejects.toMatchObject({ status: 400, fieldErrors: { time: [expect.stringContaining('does not exist')] } });
    await expect(wf.scheduleIssue(as.editor, at('31', '2', '2027', '09:00'), { now })).rejects.toMatchObject({ status: 400, fieldErrors: { date: [expect.any(String)] } });
    await expect(wf.scheduleIssue(as.editor, at('1', '12', '2026', '25:00'), { now })).rejects.toMatchObject({ status: 400, fieldErrors: { time: ['Enter a real time, like 09:30 or 2pm'] } });
    await expect(wf.scheduleIssue(as.sponsor, at('1', '12', '2026', '09:00'), { now })).rejects.toMatchObject({ code: 'forbidden' });
    const draft = await makeIssue(testDb);
    await expect(wf.scheduleIssue(as.editor, { ...at('1', '12', '2026', '09:00'), issueId: draft.id }, { now })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await status(issue.id)).toBe('APPROVED');
  });

  it('can be cancelled, back to APPROVED', async () => {
    const issue = await approved();
    await wf.scheduleIssue(as.editor, { issueId: issue.id, date: { day: '2', month: '12', year: '2026' }, time: '10:00' }, { now });
    await wf.unscheduleIssue(as.editor, { issueId: issue.id });
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, scheduledAt: true } })).toEqual({
      status: 'APPROVED',
      scheduledAt: null,
    });
    expect(await auditRows('issue.unschedule', issue.id)).toHaveLength(1);
  });
});

describe('publishing, unpublishing, archiving', () => {
  it('publishes with publishedAt, an audit row, revalidation and a notification to the editor', async () => {
    const issue = await approved();
    revalidated.length = 0;
    const now = new Date('2026-12-01T09:00:00Z');
    await wf.publishIssue(as.admin, { issueId: issue.id }, { now });
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, publishedAt: true } })).toEqual({
      status: 'PUBLISHED',
      publishedAt: now,
    });
    expect(await auditRows('issue.publish', issue.id)).toEqual([
      { actorId: as.admin.id, details: { from: 'APPROVED', to: 'PUBLISHED', by: 'editor', revision: 1 } },
    ]);
    expect(revalidated).toEqual([[issue.slug]]);
    expect(await notificationsFor(as.editor.id, 'ISSUE_PUBLISHED')).toContainEqual(expect.objectContaining({ title: `Published: ${issue.title}` }));
  });

  it('two concurrent publishes: one wins, the other is told the issue changed', async () => {
    const issue = await approved();
    const results = await Promise.allSettled([wf.publishIssue(as.editor, { issueId: issue.id }), wf.publishIssue(as.admin, { issueId: issue.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: expect.stringMatching(/^(conflict|invalid_transition)$/) });
    expect(await auditRows('issue.publish', issue.id)).toHaveLength(1);
  });

  it('unpublish returns to DRAFT keeping publishedAt and history; archive takes it off the site', async () => {
    const issue = await approved();
    const first = new Date('2026-12-01T09:00:00Z');
    await wf.publishIssue(as.editor, { issueId: issue.id }, { now: first });
    revalidated.length = 0;
    await wf.unpublishIssue(as.editor, { issueId: issue.id });
    expect(await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, publishedAt: true } })).toEqual({
      status: 'DRAFT',
      publishedAt: first,
    });
    expect(revalidated).toEqual([[issue.slug]]);
    expect(await auditRows('intro.approve', issue.id)).toHaveLength(1);
    expect(await auditRows('issue.unpublish', issue.id)).toHaveLength(1);

    // Back through review (the intro is still approved as it is, so straight to publishing).
    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { status: 'APPROVED' } });
    await wf.publishIssue(as.editor, { issueId: issue.id }, { now: new Date('2026-12-05T09:00:00Z') });
    expect((await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { publishedAt: true } })).publishedAt).toEqual(first);

    await expect(wf.archiveIssue(as.sponsor, { issueId: issue.id })).rejects.toMatchObject({ code: 'forbidden' });
    await wf.archiveIssue(as.editor, { issueId: issue.id });
    expect(await status(issue.id)).toBe('ARCHIVED');
    await expect(wf.archiveIssue(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'invalid_transition' });
    await wf.unpublishIssue(as.admin, { issueId: issue.id });
    expect(await status(issue.id)).toBe('DRAFT');
  });

  it('refuses to publish a draft or an issue in review', async () => {
    const draft = await makeIssue(testDb);
    await expect(wf.publishIssue(as.editor, { issueId: draft.id })).rejects.toMatchObject({ code: 'invalid_transition' });
    const review = await submitted();
    await expect(wf.publishIssue(as.admin, { issueId: review.id })).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
