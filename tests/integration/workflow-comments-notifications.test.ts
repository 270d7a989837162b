import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { jobs, makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, text, type Who } from '../support/workflow';

// Review comments (threads, blocking, resolve/reopen, who may see what), mentions
// and the in-app notification list.

vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => undefined }));

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let comments: typeof import('@/lib/data/comments');
let notifications: typeof import('@/lib/data/notifications');
let gates: typeof import('@/lib/data/workflow-gate');
let boss: typeof import('@/lib/jobs/worker');

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  comments = await import('@/lib/data/comments');
  notifications = await import('@/lib/data/notifications');
  gates = await import('@/lib/data/workflow-gate');
  boss = await import('@/lib/jobs/worker');
});

afterAll(async () => {
  await boss?.stopJobs();
  await tearDownWorkflowDatabase(testDb);
});

const notesOf = (userId: string) =>
  testDb.prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { kind: true, title: true, body: true, href: true } });

async function contribution(submittedById: string) {
  const org = await testDb.prisma.organisation.findFirstOrThrow({ select: { id: true } });
  return testDb.prisma.contribution.create({
    data: { kind: 'ARTICLE', title: 'Our new family hub', body: text('We opened a hub.'), organisationId: org.id, submittedById },
    select: { id: true },
  });
}

describe('comments on sections', () => {
  it('threads replies, notifies participants, and mentions by full name', async () => {
    const issue = await makeIssue(testDb);
    const root = await comments.addComment(as.editor, { sectionId: issue.articleId, body: 'Could @Emma Taylor check the figures?' });
    expect(root.mentioned).toEqual([as.sponsor.id]);
    expect(await notesOf(as.sponsor.id)).toContainEqual({
      kind: 'MENTION',
      title: 'Elizabeth White mentioned you on “News”',
      body: 'Could @Emma Taylor check the figures?',
      href: `/admin/issues/${issue.id}/sections/${issue.articleId}#comment-${root.id}`,
    });
    // The mention's email is queued.
    expect((await jobs(testDb, 'send-email')).filter((j) => root.notificationIds.includes(String(j.data.notificationId)))).toHaveLength(1);

    const reply = await comments.addComment(as.sponsor, { sectionId: issue.articleId, parentId: root.id, body: 'They are right.' });
    expect(await notesOf(as.editor.id)).toContainEqual(expect.objectContaining({ kind: 'COMMENT', title: 'Emma Taylor commented on “News”', body: 'They are right.' }));
    // A reply to the reply joins the same thread.
    const nested = await comments.addComment(as.admin, { sectionId: issue.articleId, parentId: reply.id, body: 'Agreed.' });
    const threads = await comments.listComments(as.sponsor, { sectionId: issue.articleId });
    expect(threads).toHaveLength(1);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([reply.id, nested.id]);
    expect(threads[0]!.author).toEqual({ id: as.editor.id, name: 'Elizabeth White' });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'comment.create', entityId: { in: [root.id, reply.id, nested.id] } } })).toBe(3);
  });

  it('blocking comments count per section, hold back publishing, and resolve/reopen', async () => {
    const issue = await makeIssue(testDb);
    const blocking = await comments.addComment(as.sponsor, { sectionId: issue.articleId, body: 'Wrong date.', blocking: true });
    await comments.addComment(as.editor, { sectionId: issue.introId, body: 'Nice intro.' });
    expect(await comments.unresolvedCommentCounts(as.editor, issue.id)).toEqual({
      [issue.articleId]: { unresolved: 1, blocking: 1 },
      [issue.introId]: { unresolved: 1, blocking: 0 },
    });
    const gate = await gates.getPublishGate(as.editor, issue.id);
    expect(gate!.items.find((i) => i.key === 'no-blocking-comments')!.met).toBe(false);

    expect(await comments.resolveComment(as.editor, blocking.id)).toEqual({ changed: true });
    expect(await comments.resolveComment(as.editor, blocking.id)).toEqual({ changed: false });
    expect((await gates.getPublishGate(as.editor, issue.id))!.items.find((i) => i.key === 'no-blocking-comments')!.met).toBe(true);
    expect(await comments.unresolvedCommentCounts(as.editor, issue.id)).toEqual({ [issue.introId]: { unresolved: 1, blocking: 0 } });
    await comments.reopenComment(as.sponsor, blocking.id);
    expect((await gates.getPublishGate(as.editor, issue.id))!.items.find((i) => i.key === 'no-blocking-comments')!.met).toBe(false);
    expect(await testDb.prisma.auditLog.findMany({ where: { entityId: blocking.id, action: { in: ['comment.resolve', 'comment.reopen'] } }, select: { action: true }, orderBy: { id: 'asc' } })).toEqual([
      { action: 'comment.resolve' },
      { action: 'comment.reopen' },
    ]);
  });

  it('refuses contributors on sections, empty and oversized comments', async () => {
    const issue = await makeIssue(testDb);
    await expect(comments.addComment(as.contributor, { sectionId: issue.articleId, body: 'Hi' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(comments.listComments(as.contributor, { sectionId: issue.articleId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(comments.addComment(as.editor, { sectionId: issue.articleId, body: '  ' })).rejects.toMatchObject({ status: 400, fieldErrors: { body: ['Enter a comment'] } });
    await expect(comments.addComment(as.editor, { sectionId: issue.articleId, body: 'x'.repeat(5001) })).rejects.toMatchObject({ status: 400 });
    const other = await makeIssue(testDb);
    const elsewhere = await comments.addComment(as.editor, { sectionId: other.articleId, body: 'Elsewhere' });
    await expect(comments.addComment(as.editor, { sectionId: issue.articleId, parentId: elsewhere.id, body: 'Cross-thread' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('comments on contributions', () => {
  it('the contributor reads and answers comments on their own submission only', async () => {
    const own = await contribution(as.contributor.id);
    const c = await comments.addComment(as.editor, { contributionId: own.id, body: 'Can you add a photo?' });
    expect(await notesOf(as.contributor.id)).toContainEqual(
      expect.objectContaining({ kind: 'COMMENT', href: `/admin/contributions/${own.id}#comment-${c.id}` }),
    );
    expect((await comments.listComments(as.contributor, { contributionId: own.id }))[0]!.body).toBe('Can you add a photo?');
    await comments.addComment(as.contributor, { contributionId: own.id, parentId: c.id, body: 'Yes, @Elizabeth White.', blocking: true });
    const thread = (await comments.listComments(as.editor, { contributionId: own.id }))[0]!;
    expect(thread.replies[0]).toMatchObject({ body: 'Yes, @Elizabeth White.', blocking: false });

    const theirs = await contribution(as.admin.id);
    await expect(comments.listComments(as.contributor, { contributionId: theirs.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(comments.addComment(as.contributor, { contributionId: theirs.id, body: 'Hi' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(comments.resolveComment(as.contributor, c.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('notifications', () => {
  it('lists the user’s own, newest first, with the unread count; marking read is for the owner only', async () => {
    for (const body of ['first @Demo Contributor', 'second @Demo Contributor']) {
      const own = await contribution(as.contributor.id);
      await comments.addComment(as.editor, { contributionId: own.id, body });
    }
    const list = await notifications.listNotifications(as.contributor);
    expect(list.unread).toBe(list.items.filter((n) => !n.readAt).length);
    expect(list.unread).toBeGreaterThanOrEqual(2);
    expect(list.items[0]!.body).toBe('second @Demo Contributor');
    expect(list.items[0]!.kind).toBe('MENTION');

    const id = list.items[0]!.id;
    await expect(notifications.markNotificationRead(as.editor, id)).rejects.toMatchObject({ status: 404 });
    expect((await notifications.listNotifications(as.contributor)).unread).toBe(list.unread);
    await expect(notifications.markNotificationRead(as.contributor, id)).resolves.toEqual({ href: expect.stringMatching(/^\/admin\/contributions\//) });
    expect(await notifications.unreadNotificationCount(as.contributor)).toBe(list.unread - 1);
    expect(await notifications.markAllNotificationsRead(as.contributor)).toBe(list.unread - 1);
    expect(await notifications.unreadNotificationCount(as.contributor)).toBe(0);
    expect((await notifications.listNotifications(as.contributor, { unreadOnly: true })).items).toEqual([]);
  });

  it('refuses signed-out and deactivated users', async () => {
    await expect(notifications.listNotifications({ ...as.editor, active: false })).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
  });

  it('keeps links inside the app (database check too)', async () => {
    await expect(
      testDb.prisma.notification.create({ data: { userId: as.editor.id, kind: 'COMMENT', title: 'x', href: '//evil.example' } }),
    ).rejects.toThrow(/Notification_href_is_path/);
    await expect(
      testDb.prisma.notification.create({ data: { userId: as.editor.id, kind: 'COMMENT', title: 'x', href: '/\\evil.example' } }),
    ).rejects.toThrow(/Notification_href_is_path/);
    await expect(
      testDb.prisma.notification.create({ data: { userId: as.editor.id, kind: 'COMMENT', title: 'x', href: 'https://evil.example' } }),
    ).rejects.toThrow(/Notification_href_is_path/);
  });
});

describe('schema checks for the workflow tables', () => {
  it('a comment is on exactly one thing; access tokens have a target and a SHA-256', async () => {
    const issue = await makeIssue(testDb);
    const own = await contribution(as.contributor.id);
    await expect(
      testDb.prisma.comment.create({ data: { sectionId: issue.articleId, contributionId: own.id, authorId: as.editor.id, body: 'x' } }),
    ).rejects.toThrow(/Comment_one_target/);
    await expect(testDb.prisma.comment.create({ data: { authorId: as.editor.id, body: 'x' } })).rejects.toThrow(/Comment_one_target/);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000);
    await expect(testDb.prisma.accessToken.create({ data: { purpose: 'INTRO_APPROVAL', tokenHash: 'a'.repeat(64), expiresAt } })).rejects.toThrow(/AccessToken_target/);
    await expect(testDb.prisma.accessToken.create({ data: { purpose: 'ISSUE_PREVIEW', issueId: issue.id, tokenHash: 'raw-token', expiresAt } })).rejects.toThrow(
      /AccessToken_hash_format/,
    );
    await expect(testDb.prisma.accessToken.create({ data: { purpose: 'SIGN_IN', tokenHash: 'b'.repeat(64), expiresAt } })).rejects.toThrow(/AccessToken_target/);
    await testDb.prisma.accessToken.create({ data: { purpose: 'SIGN_IN', email: 'someone@example.org', tokenHash: 'c'.repeat(64), expiresAt } });
  });
});
