import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, makeIssue, text } from '../support/workflow';
import { as, introHash, publishedIssue as published, revalidated, testDb, workflowSuite } from '../support/workflow-suite';

// Decision 017: edits to a live issue are pending until "Publish changes", which goes
// through the publish gate (an edited intro needs the sponsor again) and writes a new
// publication snapshot with its audit row.

// The live-intro request queues emails, so the job queue is started and must be stopped.
workflowSuite({ after: async () => (await import('@/lib/jobs/worker')).stopJobs() });

let wf: typeof import('@/lib/data/workflow');
let pending: typeof import('@/lib/data/pending-changes');

beforeAll(async () => {
  wf = await import('@/lib/data/workflow');
  pending = await import('@/lib/data/pending-changes');
});

const liveTexts = async (slug: string) => {
  const { getPublishedIssue } = await import('@/lib/data/issues');
  const live = await getPublishedIssue(slug);
  return { title: live?.title, sections: live?.sections.map((s) => [s.title, JSON.stringify(s.body)]) };
};

describe('publish changes', () => {
  it('is offered only when the working content differs, and publishes a new revision with an audit row', async () => {
    const issue = await published();
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: false });
    await expect(pending.publishChanges(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict' });

    await testDb.prisma.section.update({ where: { id: issue.articleId }, data: { title: 'News, corrected' } });
    await testDb.prisma.issue.update({ where: { id: issue.id }, data: { title: 'Workflow issue, corrected' } });
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: true });
    expect((await liveTexts(issue.slug)).sections?.map(([t]) => t)).toContain('News');

    await expect(pending.publishChanges(as.contributor, { issueId: issue.id })).rejects.toMatchObject({ code: 'forbidden' });
    revalidated.length = 0;
    const result = await pending.publishChanges(as.editor, { issueId: issue.id });
    expect(result.issue.status).toBe('PUBLISHED');
    expect(result.revision).toBe(2);
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ revision: 2 });
    expect(revalidated.flat()).toContain(issue.slug);
    const live = await liveTexts(issue.slug);
    expect(live.title).toBe('Workflow issue, corrected');
    expect(live.sections?.map(([t]) => t)).toContain('News, corrected');
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: false });
    const audits = await testDb.prisma.auditLog.findMany({ where: { action: 'issue.publish', entityId: issue.id }, orderBy: { createdAt: 'asc' }, select: { details: true } });
    expect(audits.map((a) => a.details)).toEqual([
      expect.objectContaining({ to: 'PUBLISHED', revision: 1 }),
      expect.objectContaining({ from: 'PUBLISHED', to: 'PUBLISHED', by: 'editor', revision: 2 }),
    ]);
  });

  it('an intro edit is blocked by the gate until the sponsor approves the live issue’s intro again', async () => {
    const issue = await published();
    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Welcome, with an unapproved phrase.') } });
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: true });
    await expect(pending.publishChanges(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Intro changed since approval/) });
    expect(JSON.stringify((await liveTexts(issue.slug)).sections)).not.toContain('unapproved phrase');

    // A stale hash approves nothing.
    await expect(wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: '0'.repeat(64) })).rejects.toMatchObject({ code: 'conflict' });
    const approval = await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
    expect(approval).toMatchObject({ issue: { status: 'PUBLISHED' }, alreadyApproved: false });
    expect((await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true } })).status).toBe('PUBLISHED');
    const again = await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
    expect(again.alreadyApproved).toBe(true);

    await pending.publishChanges(as.editor, { issueId: issue.id });
    expect(JSON.stringify((await liveTexts(issue.slug)).sections)).toContain('unapproved phrase');
  });

  it('the editor asks the sponsor to approve a live issue’s edited intro: notified like a submission, the issue stays live', async () => {
    const issue = await published();
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ introApproval: null, revision: 1 });
    await expect(pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already approved/) });

    await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Welcome, edited while live.') } });
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: true, introApproval: { askedAt: null } });
    await expect(pending.askSponsorToApproveLiveIntro(as.contributor, { issueId: issue.id })).rejects.toMatchObject({ code: 'forbidden' });

    const result = await pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id });
    expect(result.issue.status).toBe('PUBLISHED');
    expect((await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true } })).status).toBe('PUBLISHED');
    const notes = await testDb.prisma.notification.findMany({ where: { id: { in: result.notificationIds } }, select: { userId: true, kind: true, title: true, href: true } });
    expect(notes).toEqual([
      { userId: as.sponsor.id, kind: 'SUBMITTED_FOR_APPROVAL', title: `Edited intro ready for your approval: ${issue.title}`, href: `/admin/issues/${issue.id}/approval` },
    ]);
    expect((await jobs(testDb, 'send-email')).filter((j) => result.notificationIds.includes(String(j.data.notificationId)))).toHaveLength(1);
    const audits = await testDb.prisma.auditLog.findMany({ where: { action: 'intro.submit', entityId: issue.id }, orderBy: { id: 'asc' }, select: { actorId: true, details: true } });
    expect(audits.at(-1)).toEqual({ actorId: as.editor.id, details: expect.objectContaining({ from: 'PUBLISHED', to: 'PUBLISHED', sectionId: issue.introId }) });
    const state = await pending.getPendingChanges(as.editor, issue.id);
    expect(state.introApproval?.askedAt).toBeInstanceOf(Date);
    const { myTasks } = await import('@/lib/data/dashboard');
    expect(await myTasks(as.sponsor)).toContainEqual({ label: `Approve the intro of ${issue.title}`, href: `/admin/issues/${issue.id}/approval` });

    // Asked once: a second request is refused, and nothing is published meanwhile.
    await expect(pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already been asked/) });
    await expect(pending.publishChanges(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/waiting for the sponsor/) });
    expect(JSON.stringify((await liveTexts(issue.slug)).sections)).not.toContain('edited while live');

    await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: true, introApproval: null });
    expect(await myTasks(as.sponsor)).not.toContainEqual(expect.objectContaining({ href: `/admin/issues/${issue.id}/approval` }));
  });

  it('asking is refused for an issue that is not live', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    await expect(pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/not live/) });
  });
});
