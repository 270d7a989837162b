import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeIssue, text } from '../support/workflow';
import { as, introHash, testDb, workflowSuite } from '../support/workflow-suite';

// Decision 017: a live issue's intro edited since its approval can be decided through an
// approval link. Approving leaves the issue PUBLISHED (the editor then publishes the
// changes); asking for changes leaves it PUBLISHED with the published text as it was.

vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const mail = vi.hoisted(() => ({ sent: [] as { to: string; text: string }[] }));
vi.mock('@/lib/email/send', () => ({
  sendEmail: async (m: { to: string; text: string }) => {
    mail.sent.push(m);
    return { status: 'sent', messageId: 'test', accepted: [m.to] };
  },
}));

// The link's decision queues emails, so the job queue is started and must be stopped.
workflowSuite({ after: async () => (await import('@/lib/jobs/worker')).stopJobs() });

let links: typeof import('@/lib/data/access-links');
let wf: typeof import('@/lib/data/workflow');
let pending: typeof import('@/lib/data/pending-changes');

beforeAll(async () => {
  links = await import('@/lib/data/access-links');
  wf = await import('@/lib/data/workflow');
  pending = await import('@/lib/data/pending-changes');
});

/** A published issue whose intro was then edited: readers still see the approved text. */
async function liveWithEditedIntro() {
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
  await wf.publishIssue(as.editor, { issueId: issue.id });
  await expect(links.createApprovalLink(as.editor, { issueId: issue.id, sponsorId: as.sponsor.id })).rejects.toMatchObject({ code: 'conflict' });
  await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body: text('Welcome, with a phrase added while live.') } });
  return issue;
}

async function emailedLink(issueId: string) {
  await links.createApprovalLink(as.editor, { issueId, sponsorId: as.sponsor.id });
  const m = /\/approve\/([A-Za-z0-9_-]{43})/.exec(mail.sent.at(-1)?.text ?? '');
  if (!m) throw new Error('no approval link emailed');
  return m[1]!;
}

const status = async (id: string) => (await testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const liveIntro = async (slug: string) => {
  const { getPublishedIssue } = await import('@/lib/data/issues');
  return JSON.stringify((await getPublishedIssue(slug))?.sections.find((s) => s.kind === 'INTRO')?.body);
};
const editorNotes = (kind: string, issueId: string) =>
  testDb.prisma.notification.findMany({ where: { userId: as.editor.id, kind: kind as never, href: { contains: issueId } }, select: { title: true, body: true, href: true } });

describe('an approval link for a live issue', () => {
  it('shows the change and approves the edited intro without unpublishing; the editor then publishes the changes', async () => {
    const issue = await liveWithEditedIntro();
    const token = await emailedLink(issue.id);
    const view = await links.getApprovalLinkView(token);
    if (!view.ok) throw new Error(`link view: ${view.problem}`);
    expect(view).toMatchObject({ waiting: true, live: true, issue: { status: 'PUBLISHED' } });
    expect(view.changes?.before).toContain('Welcome to the December issue.');
    expect(view.changes?.after).toContain('a phrase added while live');

    expect(await links.decideByLink(token, { decision: 'approve', contentHash: '0'.repeat(64) })).toMatchObject({ ok: false, problem: 'conflict' });
    expect(await links.decideByLink(token, { decision: 'approve', contentHash: view.contentHash })).toEqual({ ok: true, decision: 'approve' });
    expect(await status(issue.id)).toBe('PUBLISHED');
    const approval = await testDb.prisma.auditLog.findFirstOrThrow({ where: { entityId: issue.id, action: 'intro.approve' }, orderBy: { id: 'desc' }, select: { actorId: true, details: true } });
    expect(approval).toEqual({ actorId: as.sponsor.id, details: expect.objectContaining({ from: 'PUBLISHED', to: 'PUBLISHED', via: 'link' }) });
    expect(await testDb.prisma.auditLog.count({ where: { entityId: issue.id, action: 'access-link.use' } })).toBe(1);
    expect(await editorNotes('APPROVED', issue.id)).toContainEqual(expect.objectContaining({ body: expect.stringMatching(/edited intro .* can now be published/) }));
    expect(await liveIntro(issue.slug)).not.toContain('added while live');

    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ pending: true, introApproval: null });
    await pending.publishChanges(as.editor, { issueId: issue.id });
    expect(await liveIntro(issue.slug)).toContain('added while live');
  });

  it('a request for changes keeps the issue live with its published text, sends the editor the comment and withdraws the request', async () => {
    const issue = await liveWithEditedIntro();
    await pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id });
    const token = await emailedLink(issue.id);

    expect(await links.decideByLink(token, { decision: 'request-changes', comment: '  ' })).toMatchObject({ ok: false, problem: 'comment' });
    expect(await links.decideByLink(token, { decision: 'request-changes', comment: 'Keep the old wording.' })).toEqual({ ok: true, decision: 'request-changes' });
    expect(await status(issue.id)).toBe('PUBLISHED');
    expect(await liveIntro(issue.slug)).not.toContain('added while live');
    expect(await testDb.prisma.issuePublication.count({ where: { issueId: issue.id } })).toBe(1);
    const comment = await testDb.prisma.comment.findFirstOrThrow({ where: { sectionId: issue.introId }, select: { id: true, body: true, authorId: true } });
    expect(comment).toMatchObject({ body: 'Keep the old wording.', authorId: as.sponsor.id });
    const row = await testDb.prisma.auditLog.findFirstOrThrow({ where: { entityId: issue.id, action: 'intro.request-changes' }, select: { details: true } });
    expect(row.details).toMatchObject({ from: 'PUBLISHED', to: 'PUBLISHED', commentId: comment.id, via: 'link' });
    expect(await editorNotes('CHANGES_REQUESTED', issue.id)).toEqual([
      { title: `Changes requested to the edited intro (still live): ${issue.title}`, body: 'Keep the old wording.', href: `/admin/issues/${issue.id}/sections/${issue.introId}#comment-${comment.id}` },
    ]);
    // Back with the editor: no longer waiting for the sponsor, who can be asked again.
    expect(await pending.getPendingChanges(as.editor, issue.id)).toMatchObject({ introApproval: { askedAt: null } });
    await pending.askSponsorToApproveLiveIntro(as.editor, { issueId: issue.id });
  });

  it('a signed-in sponsor cannot send back a live intro that is approved as it is', async () => {
    const issue = await liveWithEditedIntro();
    await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
    await expect(wf.requestIntroChanges(as.sponsor, { issueId: issue.id, comment: 'Too late.' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await testDb.prisma.comment.count({ where: { sectionId: issue.introId } })).toBe(0);
    expect(await status(issue.id)).toBe('PUBLISHED');
  });
});
