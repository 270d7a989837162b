import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// An approval link's claim, the sponsor's decision and the link's audit row are one
// transaction (issue 11 item 5): whichever step fails, nothing of the others stays.

vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => {} }));
const mail = vi.hoisted(() => ({ sent: [] as { to: string; text: string }[] }));
vi.mock('@/lib/email/send', () => ({
  sendEmail: async (m: { to: string; text: string }) => {
    mail.sent.push(m);
    return { status: 'sent', messageId: 'test', accepted: [m.to] };
  },
}));
// Lets a test make the link's own audit row fail, the last write of the decision.
const failing = vi.hoisted(() => ({ action: null as string | null }));
vi.mock('@/lib/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/audit')>();
  return {
    ...real,
    audit: (tx: Parameters<typeof real.audit>[0], entry: Parameters<typeof real.audit>[1]) => {
      if (entry.action === failing.action) throw new Error(`audit of ${entry.action} failed`);
      return real.audit(tx, entry);
    },
  };
});

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let links: typeof import('@/lib/data/access-links');
let wf: typeof import('@/lib/data/workflow');
let hash: typeof import('@/lib/workflow/intro-hash');

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  links = await import('@/lib/data/access-links');
  wf = await import('@/lib/data/workflow');
  hash = await import('@/lib/workflow/intro-hash');
});

afterAll(async () => {
  await tearDownWorkflowDatabase(testDb);
});

async function linkForIssueInReview() {
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  await links.createApprovalLink(as.editor, { issueId: issue.id, sponsorId: as.sponsor.id });
  const m = /\/approve\/([A-Za-z0-9_-]{43})/.exec(mail.sent.at(-1)?.text ?? '');
  if (!m) throw new Error('no approval link emailed');
  const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
  return { issue, token: m[1]!, contentHash: hash.introContentHash(intro) };
}

const tokenRow = (token: string) =>
  testDb.prisma.accessToken.findUniqueOrThrow({ where: { tokenHash: links.hashAccessToken(token) }, select: { usedAt: true } });
const auditCount = (issueId: string, action: string) => testDb.prisma.auditLog.count({ where: { entityId: issueId, action } });
const status = async (id: string) => (await testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe('deciding through an approval link', () => {
  it('a decision on an issue no longer in review leaves the link unclaimed and no audit row; once back in review it decides once', async () => {
    const { issue, token, contentHash } = await linkForIssueInReview();
    await wf.requestIntroChanges(as.sponsor, { issueId: issue.id, comment: 'Add the hubs.' });
    expect(await status(issue.id)).toBe('DRAFT');

    expect(await links.decideByLink(token, { decision: 'approve', contentHash })).toMatchObject({ ok: false, problem: 'conflict' });
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect(await auditCount(issue.id, 'access-link.use')).toBe(0);
    expect(await auditCount(issue.id, 'intro.approve')).toBe(0);

    await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    expect(await links.decideByLink(token, { decision: 'approve', contentHash })).toEqual({ ok: true, decision: 'approve' });
    expect((await tokenRow(token)).usedAt).not.toBeNull();
    expect(await auditCount(issue.id, 'access-link.use')).toBe(1);
    expect(await auditCount(issue.id, 'intro.approve')).toBe(1);
    expect(await status(issue.id)).toBe('APPROVED');
  });

  it('when the link’s audit row cannot be written, the approval is rolled back with the claim', async () => {
    const { issue, token, contentHash } = await linkForIssueInReview();
    failing.action = 'access-link.use';
    try {
      await expect(links.decideByLink(token, { decision: 'approve', contentHash })).rejects.toThrow(/audit of access-link.use failed/);
    } finally {
      failing.action = null;
    }
    expect(await status(issue.id)).toBe('IN_REVIEW');
    expect(await auditCount(issue.id, 'intro.approve')).toBe(0);
    const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { approvedAt: true } });
    expect(intro.approvedAt).toBeNull();
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect(await links.decideByLink(token, { decision: 'approve', contentHash })).toEqual({ ok: true, decision: 'approve' });
  });

  it('a request for changes through the link writes the comment, one decision row and one link row', async () => {
    const { issue, token } = await linkForIssueInReview();
    expect(await links.decideByLink(token, { decision: 'request-changes', comment: '  Say more about the hubs. ' })).toEqual({ ok: true, decision: 'request-changes' });
    expect(await status(issue.id)).toBe('DRAFT');
    const comment = await testDb.prisma.comment.findFirstOrThrow({ where: { sectionId: issue.introId }, select: { body: true, authorId: true } });
    expect(comment).toEqual({ body: 'Say more about the hubs.', authorId: as.sponsor.id });
    const rows = await testDb.prisma.auditLog.findMany({ where: { entityId: issue.id, action: { in: ['intro.request-changes', 'access-link.use'] } }, select: { action: true, details: true } });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.action === 'intro.request-changes')?.details).toMatchObject({ via: 'link' });
  });
});
