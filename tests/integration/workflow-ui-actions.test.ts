import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// The workflow's user interface on the server side: the actions behind the issue
// page's panel and the sponsor's approval page, the approval link (no account) and
// its form handler, and preview links.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => {} }));
const mail = vi.hoisted(() => ({ sent: [] as { to: string; subject: string; text: string; html: string }[] }));
vi.mock('@/lib/email/send', () => ({
  sendEmail: async (m: { to: string; subject: string; text: string; html: string }) => {
    mail.sent.push(m);
    return { status: 'sent', messageId: 'test', accepted: [m.to] };
  },
}));

type Fn = (prev: undefined, input: Record<string, unknown>) => Promise<{ status: string; code?: number; message?: string; data?: unknown; fieldErrors?: Record<string, string[] | undefined> }>;

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let links: typeof import('@/lib/data/access-links');
let hash: typeof import('@/lib/workflow/intro-hash');
let boss: typeof import('@/lib/jobs/worker');
const act: Record<string, Fn> = {};

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  links = await import('@/lib/data/access-links');
  hash = await import('@/lib/workflow/intro-hash');
  boss = await import('@/lib/jobs/worker');
  const load = async (file: string, name: string) => {
    act[file] = (await import(/* @vite-ignore */ `@/lib/actions/workflow/${file}`))[name] as Fn;
  };
  await load('submit-intro', 'submitIntroAction');
  await load('approve-intro', 'approveIntroAction');
  await load('request-intro-changes', 'requestIntroChangesAction');
  await load('schedule-issue', 'scheduleIssueAction');
  await load('unschedule-issue', 'unscheduleIssueAction');
  await load('publish-issue', 'publishIssueAction');
  await load('unpublish-issue', 'unpublishIssueAction');
  await load('archive-issue', 'archiveIssueAction');
  await load('create-approval-link', 'createApprovalLinkAction');
  await load('create-preview-link', 'createPreviewLinkAction');
  await load('revoke-access-link', 'revokeAccessLinkAction');
});

afterAll(async () => {
  await boss?.stopJobs();
  await tearDownWorkflowDatabase(testDb);
});

async function run(who: Who | null, file: string, input: Record<string, unknown>) {
  session.user = who ? as[who] : null;
  try {
    return await act[file]!(undefined, input);
  } finally {
    session.user = null;
  }
}

const status = async (id: string) => (await testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
async function introHash(introId: string) {
  const s = await testDb.prisma.section.findUniqueOrThrow({ where: { id: introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
  return hash.introContentHash(s);
}

/** The token in the last approval email sent to `to`. */
function tokenFromEmail(to: string): string {
  const message = [...mail.sent].reverse().find((m) => m.to === to);
  const m = /\/approve\/([A-Za-z0-9_-]{43})/.exec(message?.text ?? '');
  if (!m) throw new Error(`no approval link emailed to ${to}`);
  return m[1]!;
}

async function inReview() {
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  expect(await run('editor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'success' });
  return issue;
}

async function approvalLink() {
  const issue = await inReview();
  const result = await run('editor', 'create-approval-link', { issueId: issue.id, sponsorId: as.sponsor.id });
  expect(result).toMatchObject({ status: 'success' });
  return { issue, token: tokenFromEmail(as.sponsor.email) };
}

describe('workflow actions', () => {
  it('submit: editors and the sponsor may, a contributor may not; unknown fields are refused', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    expect(await run('contributor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'error', code: 403 });
    expect(await run(null, 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'error', code: 401 });
    const smuggled = await run('editor', 'submit-intro', { issueId: issue.id, status: 'PUBLISHED' });
    expect(smuggled).toMatchObject({ status: 'error', code: 400 });
    expect(smuggled.message).toMatch(/not allowed: status/);
    expect(await status(issue.id)).toBe('DRAFT');
    expect(await run('sponsor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('IN_REVIEW');
    // Submitting twice is a clear conflict, not a crash.
    expect(await run('editor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'error', code: 409 });
  });

  it('submit: an intro with no text is refused with a clear message and stays a draft', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    for (const body of [{ type: 'doc', content: [] }, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }] }]) {
      await testDb.prisma.section.update({ where: { id: issue.introId }, data: { body } });
      const result = await run('editor', 'submit-intro', { issueId: issue.id });
      expect(result).toMatchObject({ status: 'error', code: 400, message: 'The intro has no text. Write the intro before submitting it for the sponsor’s approval.' });
      expect(await status(issue.id)).toBe('DRAFT');
      const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { approvalRequestedAt: true } });
      expect(intro.approvalRequestedAt).toBeNull();
    }
    // The panel's checklist says the same, as a blocking item.
    const gates = await import('@/lib/data/workflow-gate');
    const panel = await gates.getIssueWorkflow(as.editor, issue.id);
    expect(panel!.gate.items[0]).toMatchObject({ key: 'intro-written', severity: 'blocking', met: false });
  });

  it('publish: empty sections and an issue without events are warnings, not blocks', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    await testDb.prisma.sectionEvent.deleteMany({ where: { eventId: issue.eventId } });
    const gates = await import('@/lib/data/workflow-gate');
    const gate = (await gates.getIssueWorkflow(as.editor, issue.id))!.gate;
    const byKey = Object.fromEntries(gate.items.map((i) => [i.key, i]));
    expect(byKey['events-complete']).toMatchObject({ label: 'No events in this issue', severity: 'warning', met: false });
    expect(byKey['no-empty-sections']).toMatchObject({ severity: 'warning', message: '1 section is empty and will not be published.' });
    expect(await run('editor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'success' });
    expect(await run('sponsor', 'approve-intro', { issueId: issue.id, contentHash: await introHash(issue.introId) })).toMatchObject({ status: 'success' });
    expect(await run('editor', 'publish-issue', { issueId: issue.id })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('PUBLISHED');
  });

  it('approve and request changes: only the sponsor (and admins); a comment is required', async () => {
    const issue = await inReview();
    const contentHash = await introHash(issue.introId);
    expect(await run('editor', 'approve-intro', { issueId: issue.id, contentHash })).toMatchObject({ status: 'error', code: 403 });
    const empty = await run('sponsor', 'request-intro-changes', { issueId: issue.id, comment: '   ' });
    expect(empty).toMatchObject({ status: 'error', code: 400 });
    expect(empty.fieldErrors?.comment?.[0]).toMatch(/Enter a comment/);
    expect(await run('sponsor', 'request-intro-changes', { issueId: issue.id, comment: 'Mention the new family hubs.' })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('DRAFT');
    const comment = await testDb.prisma.comment.findFirstOrThrow({ where: { sectionId: issue.introId }, select: { body: true, authorId: true } });
    expect(comment).toEqual({ body: 'Mention the new family hubs.', authorId: as.sponsor.id });

    await run('editor', 'submit-intro', { issueId: issue.id });
    expect(await run('sponsor', 'approve-intro', { issueId: issue.id, contentHash: 'f'.repeat(64) })).toMatchObject({ status: 'error', code: 409 });
    expect(await status(issue.id)).toBe('IN_REVIEW');
    expect(await run('sponsor', 'approve-intro', { issueId: issue.id, contentHash })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('APPROVED');
  });

  it('schedule: a London date and time in the future, with field errors otherwise; cancel; publish; archive; unpublish needs confirming', async () => {
    const issue = await inReview();
    await run('sponsor', 'approve-intro', { issueId: issue.id, contentHash: await introHash(issue.introId) });
    const bad = await run('editor', 'schedule-issue', { issueId: issue.id, 'date.day': '31', 'date.month': '2', 'date.year': '2031', time: '9am' });
    expect(bad).toMatchObject({ status: 'error', code: 400 });
    expect(bad.fieldErrors?.date?.[0]).toMatch(/real date/);
    const noTime = await run('editor', 'schedule-issue', { issueId: issue.id, 'date.day': '1', 'date.month': '12', 'date.year': '2031', time: '' });
    expect(noTime.fieldErrors?.time?.[0]).toMatch(/Enter the publication time/);
    const past = await run('editor', 'schedule-issue', { issueId: issue.id, 'date.day': '1', 'date.month': '12', 'date.year': '2020', time: '09:00' });
    expect(past.fieldErrors?.date?.[0]).toMatch(/future/);
    expect(await run('sponsor', 'schedule-issue', { issueId: issue.id, 'date.day': '1', 'date.month': '12', 'date.year': '2031', time: '09:00' })).toMatchObject({ code: 403 });

    const ok = await run('editor', 'schedule-issue', { issueId: issue.id, 'date.day': '1', 'date.month': '12', 'date.year': '2031', time: '09:00' });
    expect(ok).toMatchObject({ status: 'success', data: { scheduledAt: '2031-12-01T09:00:00.000Z' } });
    const row = await testDb.prisma.issue.findUniqueOrThrow({ where: { id: issue.id }, select: { status: true, scheduledAt: true } });
    expect(row).toEqual({ status: 'SCHEDULED', scheduledAt: new Date('2031-12-01T09:00:00Z') });
    // A British Summer Time date: 09:00 in London is 08:00 UTC.
    expect(await run('editor', 'unschedule-issue', { issueId: issue.id })).toMatchObject({ status: 'success' });
    const summer = await run('editor', 'schedule-issue', { issueId: issue.id, 'date.day': '1', 'date.month': '7', 'date.year': '2031', time: '09:00' });
    expect(summer).toMatchObject({ data: { scheduledAt: '2031-07-01T08:00:00.000Z' } });

    expect(await run('editor', 'publish-issue', { issueId: issue.id })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('PUBLISHED');
    const unconfirmed = await run('editor', 'unpublish-issue', { issueId: issue.id });
    expect(unconfirmed).toMatchObject({ status: 'error', code: 400 });
    expect(unconfirmed.fieldErrors?.confirm?.[0]).toMatch(/Confirm/);
    expect(await run('editor', 'archive-issue', { issueId: issue.id })).toMatchObject({ status: 'success' });
    expect(await run('editor', 'unpublish-issue', { issueId: issue.id, confirm: 'yes' })).toMatchObject({ status: 'success' });
    expect(await status(issue.id)).toBe('DRAFT');
    // A step the lifecycle does not have (archive a draft) is a 409, not a 500.
    expect(await run('editor', 'archive-issue', { issueId: issue.id })).toMatchObject({ status: 'error', code: 409 });
  });

  it('publish is refused while the gate fails, and names what is missing', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id, status: 'APPROVED' });
    const result = await run('editor', 'publish-issue', { issueId: issue.id });
    expect(result).toMatchObject({ status: 'error', code: 409 });
    expect(result.message).toMatch(/not been submitted for sponsor approval/);
    expect(await status(issue.id)).toBe('APPROVED');
  });
});

describe('approval links', () => {
  it('are only for an intro waiting for approval, and only to a sponsor account', async () => {
    const draft = await makeIssue(testDb, { createdById: as.editor.id });
    expect(await run('editor', 'create-approval-link', { issueId: draft.id, sponsorId: as.sponsor.id })).toMatchObject({ status: 'error', code: 409 });
    const issue = await inReview();
    const wrong = await run('editor', 'create-approval-link', { issueId: issue.id, sponsorId: as.contributor.id });
    expect(wrong.fieldErrors?.sponsorId?.[0]).toMatch(/Choose the sponsor/);
    expect(await run('sponsor', 'create-approval-link', { issueId: issue.id, sponsorId: as.sponsor.id })).toMatchObject({ code: 403 });
  });

  it('emails the sponsor a link whose token is stored only as its hash, valid 7 days', async () => {
    const before = Date.now();
    const { issue, token } = await approvalLink();
    const rows = await testDb.prisma.accessToken.findMany({ where: { issueId: issue.id }, select: { tokenHash: true, purpose: true, userId: true, expiresAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(links.hashAccessToken(token));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]).toMatchObject({ purpose: 'INTRO_APPROVAL', userId: as.sponsor.id });
    const days = (rows[0]!.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const view = await links.getApprovalLinkView(token);
    expect(view.ok && view.intro.title).toBe('Welcome');
    expect(view.ok && view.contentHash).toBe(await introHash(issue.introId));
  });

  it('shows the sponsor what changed since their last approval, on the approval page and by link', async () => {
    const issue = await inReview();
    // Before any approval there is nothing to compare with.
    const gates = await import('@/lib/data/workflow-gate');
    expect((await gates.getIssueWorkflow(as.sponsor, issue.id))!.intro!.changes).toBeNull();
    expect(await run('sponsor', 'approve-intro', { issueId: issue.id, contentHash: await introHash(issue.introId) })).toMatchObject({ status: 'success' });
    const stored = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { approvedContent: true } });
    expect(stored.approvedContent).toMatchObject({ title: 'Welcome', body: { type: 'doc' }, signOff: 'Kind regards' });
    // Unchanged since approval: no diff.
    expect((await gates.getIssueWorkflow(as.sponsor, issue.id))!.intro!.changes).toBeNull();

    await testDb.prisma.section.update({
      where: { id: issue.introId },
      data: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome to the festive December issue.' }] }] } },
    });
    expect(await run('editor', 'submit-intro', { issueId: issue.id })).toMatchObject({ status: 'success' });
    const expected = {
      before: 'Welcome\n\nWelcome to the December issue.\n\nKind regards',
      after: 'Welcome\n\nWelcome to the festive December issue.\n\nKind regards',
      signatoryChanged: false,
    };
    expect((await gates.getIssueWorkflow(as.sponsor, issue.id))!.intro!.changes).toEqual(expected);
    expect(await run('editor', 'create-approval-link', { issueId: issue.id, sponsorId: as.sponsor.id })).toMatchObject({ status: 'success' });
    const view = await links.getApprovalLinkView(tokenFromEmail(as.sponsor.email));
    expect(view.ok && view.changes).toEqual(expected);
  });

  it('approves once; a second use, a tampered, expired or revoked token are refused', async () => {
    const { issue, token } = await approvalLink();
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await links.getApprovalLinkView(tampered)).toMatchObject({ ok: false, problem: 'invalid' });
    expect(await links.getApprovalLinkView('not-a-token')).toMatchObject({ ok: false, problem: 'invalid' });
    const contentHash = await introHash(issue.introId);
    expect(await links.decideByLink(tampered, { decision: 'approve', contentHash })).toMatchObject({ ok: false, problem: 'invalid' });
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await links.getApprovalLinkView(token, later)).toMatchObject({ ok: false, problem: 'expired' });
    expect(await links.decideByLink(token, { decision: 'approve', contentHash }, { now: later })).toMatchObject({ ok: false, problem: 'expired' });
    expect(await status(issue.id)).toBe('IN_REVIEW');

    // A failed decision (stale text) does not spend the link.
    expect(await links.decideByLink(token, { decision: 'approve', contentHash: '0'.repeat(64) })).toMatchObject({ ok: false, problem: 'conflict' });
    expect(await links.decideByLink(token, { decision: 'approve', contentHash })).toEqual({ ok: true, decision: 'approve' });
    expect(await status(issue.id)).toBe('APPROVED');
    const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { approvedById: true, approvedContentHash: true } });
    expect(intro).toEqual({ approvedById: as.sponsor.id, approvedContentHash: contentHash });
    const audit = await testDb.prisma.auditLog.findMany({ where: { action: 'intro.approve', entityId: issue.id }, select: { actorId: true, details: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: as.sponsor.id, details: { via: 'link' } });
    const used = await testDb.prisma.auditLog.findMany({ where: { action: 'access-link.use', entityId: issue.id }, select: { actorId: true, details: true } });
    expect(used).toEqual([{ actorId: as.sponsor.id, details: expect.objectContaining({ decision: 'approve', purpose: 'INTRO_APPROVAL' }) }]);
    expect(await links.decideByLink(token, { decision: 'approve', contentHash })).toMatchObject({ ok: false, problem: 'used' });
    expect(await links.getApprovalLinkView(token)).toMatchObject({ ok: false, problem: 'used' });
  });

  it('of parallel submits of one link, exactly one decides', async () => {
    const { issue, token } = await approvalLink();
    const contentHash = await introHash(issue.introId);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => links.decideByLink(token, { decision: 'approve', contentHash })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'intro.approve', entityId: issue.id } })).toBe(1);
  });

  it('requests changes with a required comment; a revoked link is refused', async () => {
    const { issue, token } = await approvalLink();
    expect(await links.decideByLink(token, { decision: 'request-changes', comment: '' })).toMatchObject({ ok: false, problem: 'comment' });
    expect(await links.decideByLink(token, { decision: 'request-changes', comment: 'Say more about the hubs.' })).toEqual({ ok: true, decision: 'request-changes' });
    expect(await status(issue.id)).toBe('DRAFT');

    await run('editor', 'submit-intro', { issueId: issue.id });
    await run('editor', 'create-approval-link', { issueId: issue.id, sponsorId: as.sponsor.id });
    const second = tokenFromEmail(as.sponsor.email);
    const row = await testDb.prisma.accessToken.findUniqueOrThrow({ where: { tokenHash: links.hashAccessToken(second) }, select: { id: true } });
    expect(await run('contributor', 'revoke-access-link', { issueId: issue.id, id: row.id })).toMatchObject({ code: 403 });
    expect(await run('editor', 'revoke-access-link', { issueId: issue.id, id: row.id })).toMatchObject({ status: 'success' });
    expect(await links.getApprovalLinkView(second)).toMatchObject({ ok: false, problem: 'revoked' });
    expect(await links.decideByLink(second, { decision: 'approve', contentHash: await introHash(issue.introId) })).toMatchObject({ ok: false, problem: 'revoked' });
    expect(await status(issue.id)).toBe('IN_REVIEW');
  });

  it('gives access to nothing else: not a sign-in link, not a preview, not another issue', async () => {
    const { issue, token } = await approvalLink();
    const { consumeSignInLink } = await import('@/lib/auth/magic-link');
    expect(await consumeSignInLink(token)).toBeNull();
    expect(await links.getPreviewLinkView(token)).toMatchObject({ ok: false, problem: 'invalid' });
    // The view carries the intro only, not the other sections.
    const view = await links.getApprovalLinkView(token);
    expect(view.ok).toBe(true);
    expect(JSON.stringify(view)).not.toContain('A masterclass');
    expect(Object.keys(view.ok ? view.issue : {})).toEqual(['title', 'status']);
    expect(await status(issue.id)).toBe('IN_REVIEW');
  });
});

describe('the approval form handler (app/api/approve/[token])', () => {
  const post = async (token: string, body: Record<string, string>, headers: Record<string, string> = { origin: 'http://localhost:3000', host: 'localhost:3000' }) => {
    const { POST } = await import('@/app/api/approve/[token]/route');
    const request = new Request(`http://localhost:3000/api/approve/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });
    return POST(request, { params: Promise.resolve({ token }) });
  };

  it('refuses cross-site posts and unknown fields, then decides and redirects to the outcome', async () => {
    const { issue, token } = await approvalLink();
    const contentHash = await introHash(issue.introId);
    const cross = await post(token, { decision: 'approve', contentHash }, { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(cross.status).toBe(403);
    expect((await post(token, { decision: 'approve', contentHash }, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(token, { decision: 'approve', contentHash }, {})).status).toBe(403);
    const extra = await post(token, { decision: 'approve', contentHash, approvedById: as.editor.id });
    expect(extra.status).toBe(303);
    expect(extra.headers.get('location')).toBe(`/approve/${token}?error=invalid`);
    const noComment = await post(token, { decision: 'request-changes', comment: ' ' });
    expect(noComment.headers.get('location')).toBe(`/approve/${token}?error=comment`);
    expect(await status(issue.id)).toBe('IN_REVIEW');
    // The page's own form: no referrer, so Origin is "null", but the browser says same-origin.
    const ok = await post(token, { decision: 'approve', contentHash }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/approve/${token}?done=approved`);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await status(issue.id)).toBe('APPROVED');
  });
});

describe('preview links', () => {
  it('show an unpublished issue for 7 days without publishing it; revocable; refused for published issues', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    expect(await run('sponsor', 'create-preview-link', { issueId: issue.id })).toMatchObject({ code: 403 });
    const created = await run('editor', 'create-preview-link', { issueId: issue.id });
    expect(created).toMatchObject({ status: 'success' });
    const url = (created.data as { url: string }).url;
    const token = /\/preview\/([A-Za-z0-9_-]{43})$/.exec(url)![1]!;
    const stored = await testDb.prisma.accessToken.findFirstOrThrow({ where: { issueId: issue.id, purpose: 'ISSUE_PREVIEW' }, select: { tokenHash: true } });
    expect(stored.tokenHash).toBe(links.hashAccessToken(token));

    const view = await links.getPreviewLinkView(token);
    expect(view.ok && view.issue.sections.map((s) => s.title)).toEqual(['Welcome', 'News', 'Events']);
    // Reading it twice is fine: a preview link is not single-use.
    expect((await links.getPreviewLinkView(token)).ok).toBe(true);
    expect(await status(issue.id)).toBe('DRAFT');
    const { getPublishedIssue } = await import('@/lib/data/issues');
    expect(await getPublishedIssue(issue.slug)).toBeNull();
    // Not an approval link either.
    expect(await links.getApprovalLinkView(token)).toMatchObject({ ok: false, problem: 'invalid' });

    expect(await links.getPreviewLinkView(token, new Date(Date.now() + 8 * 86_400_000))).toMatchObject({ ok: false, problem: 'expired' });
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await links.getPreviewLinkView(tampered)).toMatchObject({ ok: false, problem: 'invalid' });
    const row = await testDb.prisma.accessToken.findFirstOrThrow({ where: { issueId: issue.id, purpose: 'ISSUE_PREVIEW' }, select: { id: true } });
    // The link's id with another issue's id is not found.
    const other = await makeIssue(testDb);
    expect(await run('editor', 'revoke-access-link', { issueId: other.id, id: row.id })).toMatchObject({ code: 404 });
    expect(await run('editor', 'revoke-access-link', { issueId: issue.id, id: row.id })).toMatchObject({ status: 'success' });
    expect(await links.getPreviewLinkView(token)).toMatchObject({ ok: false, problem: 'revoked' });

    const published = await makeIssue(testDb, { status: 'PUBLISHED' });
    expect(await run('editor', 'create-preview-link', { issueId: published.id })).toMatchObject({ status: 'error', code: 409 });
  });

  it('the preview and approval pages are noindex', async () => {
    const preview = await import('@/app/preview/[token]/page');
    const approve = await import('@/app/approve/[token]/page');
    for (const page of [preview, approve]) {
      expect(page.metadata.robots).toMatchObject({ index: false, follow: false });
      expect(page.dynamic).toBe('force-dynamic');
    }
  });

  it('the proxy covers both pages, so they get the nonce CSP and no-store', async () => {
    const { config } = await import('@/proxy');
    expect(config.matcher).toEqual(expect.arrayContaining(['/preview/:path*', '/approve/:path*']));
  });
});
