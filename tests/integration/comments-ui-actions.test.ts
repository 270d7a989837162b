import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, text, type Who } from '../support/workflow';

// The server actions behind the comments panel and the notification list, called as
// the forms call them (FormData or plain objects), with the session lookup replaced.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => undefined }));

type State = { status: string; code?: number; message?: string; fieldErrors?: Record<string, string[] | undefined>; data?: unknown };
type Act = (prev: undefined, input: Record<string, unknown> | FormData) => Promise<State>;

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let act: Record<'add' | 'resolve' | 'reopen' | 'markRead' | 'markAll', Act>;
let boss: typeof import('@/lib/jobs/worker');

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  act = {
    add: (await import('@/lib/actions/comments/add-comment')).addCommentAction as Act,
    resolve: (await import('@/lib/actions/comments/resolve-comment')).resolveCommentAction as Act,
    reopen: (await import('@/lib/actions/comments/reopen-comment')).reopenCommentAction as Act,
    markRead: (await import('@/lib/actions/notifications/mark-notification-read')).markNotificationReadAction as Act,
    markAll: (await import('@/lib/actions/notifications/mark-all-notifications-read')).markAllNotificationsReadAction as Act,
  };
  boss = await import('@/lib/jobs/worker');
});

afterAll(async () => {
  await boss?.stopJobs();
  await tearDownWorkflowDatabase(testDb);
});

async function run(user: SessionUser | null, fn: Act, input: Record<string, unknown> | FormData): Promise<State | { redirect: string }> {
  session.user = user;
  try {
    return await fn(undefined, input);
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    // NEXT_REDIRECT;<type>;<url>;<status>;
    if (digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2]! };
    throw error;
  } finally {
    session.user = null;
  }
}

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};

const p = () => testDb.prisma;

async function contributionBy(submittedById: string) {
  const org = await p().organisation.findFirstOrThrow({ select: { id: true } });
  return p().contribution.create({
    data: { kind: 'ARTICLE', title: 'Our new family hub', body: text('We opened a hub.'), organisationId: org.id, submittedById },
    select: { id: true },
  });
}

describe('validation', () => {
  it('shares the data layer’s length limit', async () => {
    const { COMMENT_MAX_LENGTH } = await import('@/lib/validation/comments');
    const { MAX_COMMENT_LENGTH } = await import('@/lib/data/comments');
    expect(COMMENT_MAX_LENGTH).toBe(MAX_COMMENT_LENGTH);
  });

  it('refuses unknown fields, empty and overlong text, and a missing or double target, keeping the text', async () => {
    const issue = await makeIssue(testDb);
    const smuggled = await run(as.editor, act.add, { sectionId: issue.introId, body: 'Hello', authorId: as.sponsor.id });
    expect(smuggled).toMatchObject({ status: 'error', code: 400 });
    expect((smuggled as State).message).toMatch(/not allowed: authorId/);

    const empty = (await run(as.editor, act.add, form({ sectionId: issue.introId, body: '   ' }))) as State;
    expect(empty).toMatchObject({ status: 'error', code: 400 });
    expect(empty.fieldErrors?.body).toEqual(['Enter a comment']);

    const long = 'x'.repeat(5001);
    const tooLong = (await run(as.editor, act.add, form({ sectionId: issue.introId, body: long }))) as State & { values?: Record<string, unknown> };
    expect(tooLong.fieldErrors?.body?.[0]).toMatch(/5000 characters or fewer/);
    expect(tooLong.values?.body).toBe(long);

    expect(await run(as.editor, act.add, { body: 'About nothing' })).toMatchObject({ status: 'error', code: 400 });
    const c = await contributionBy(as.contributor.id);
    expect(await run(as.editor, act.add, { sectionId: issue.introId, contributionId: c.id, body: 'Both' })).toMatchObject({ status: 'error', code: 400 });
    expect(await run(as.editor, act.add, { sectionId: 'not-a-uuid', body: 'Bad id' })).toMatchObject({ status: 'error', code: 400 });
    expect(await run(as.editor, act.resolve, { id: issue.introId, extra: '1' })).toMatchObject({ status: 'error', code: 400 });
    expect(await run(as.editor, act.markAll, { everyone: 'true' })).toMatchObject({ status: 'error', code: 400 });
    expect(await p().comment.count({ where: { sectionId: issue.introId } })).toBe(0);
  });
});

describe('comments through the actions', () => {
  it('a blocking comment that mentions the sponsor notifies them with a link to the comment', async () => {
    const issue = await makeIssue(testDb);
    const result = (await run(
      as.editor,
      act.add,
      form({ sectionId: issue.introId, body: `@${as.sponsor.name} please check the second paragraph.`, blocking: 'on' }),
    )) as State & { data: { id: string; href: string; mentioned: number } };
    expect(result).toMatchObject({ status: 'success', message: 'Comment added.' });
    const href = `/admin/issues/${issue.id}/sections/${issue.introId}#comment-${result.data.id}`;
    expect(result.data).toEqual({ id: result.data.id, href, mentioned: 1 });
    expect(await p().comment.findUniqueOrThrow({ where: { id: result.data.id }, select: { blocking: true, authorId: true } })).toEqual({ blocking: true, authorId: as.editor.id });
    const note = await p().notification.findFirstOrThrow({ where: { userId: as.sponsor.id, href }, select: { kind: true, readAt: true } });
    expect(note).toEqual({ kind: 'MENTION', readAt: null });
    // The author is not notified about their own comment.
    expect(await p().notification.count({ where: { userId: as.editor.id, href } })).toBe(0);
  });

  it('replies join the thread; only the first comment resolves and reopens', async () => {
    const issue = await makeIssue(testDb);
    const root = (await run(as.editor, act.add, { sectionId: issue.articleId, body: 'Wrong date.', blocking: 'on' })) as State & { data: { id: string } };
    const reply = (await run(as.sponsor, act.add, { sectionId: issue.articleId, parentId: root.data.id, body: 'Fixed now.' })) as State & { data: { id: string } };
    expect(reply.status).toBe('success');
    expect(await p().comment.findUniqueOrThrow({ where: { id: reply.data.id }, select: { parentId: true, blocking: true } })).toEqual({ parentId: root.data.id, blocking: false });
    // The editor who started the thread hears about the reply.
    expect(await p().notification.count({ where: { userId: as.editor.id, kind: 'COMMENT', href: { endsWith: `#comment-${reply.data.id}` } } })).toBe(1);

    expect(await run(as.sponsor, act.resolve, { id: reply.data.id })).toMatchObject({ status: 'error', code: 400 });
    expect(await run(as.sponsor, act.resolve, form({ id: root.data.id }))).toMatchObject({ status: 'success', message: 'Comment resolved.', data: { changed: true } });
    const resolved = await p().comment.findUniqueOrThrow({ where: { id: root.data.id }, select: { resolvedAt: true, resolvedById: true } });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedById).toBe(as.sponsor.id);
    // Resolving twice changes nothing and writes no second audit row.
    expect(await run(as.editor, act.resolve, { id: root.data.id })).toMatchObject({ status: 'success', data: { changed: false } });
    expect(await p().auditLog.count({ where: { action: 'comment.resolve', entityId: root.data.id } })).toBe(1);

    expect(await run(as.editor, act.reopen, { id: root.data.id })).toMatchObject({ status: 'success', message: 'Comment reopened.', data: { changed: true } });
    expect(await p().comment.findUniqueOrThrow({ where: { id: root.data.id }, select: { resolvedAt: true, resolvedById: true } })).toEqual({ resolvedAt: null, resolvedById: null });
    expect(await run(as.editor, act.resolve, { id: randomUUID() })).toMatchObject({ status: 'error', code: 404 });
  });

  it('a contributor comments only on their own submission and cannot resolve or block', async () => {
    const issue = await makeIssue(testDb);
    const mine = await contributionBy(as.contributor.id);
    const theirs = await contributionBy(as.editor.id);

    const own = (await run(as.contributor, act.add, { contributionId: mine.id, body: 'I have added the date.', blocking: 'on' })) as State & { data: { id: string } };
    expect(own.status).toBe('success');
    expect(await p().comment.findUniqueOrThrow({ where: { id: own.data.id }, select: { blocking: true } })).toEqual({ blocking: false });

    expect(await run(as.contributor, act.add, { contributionId: theirs.id, body: 'Hello' })).toMatchObject({ status: 'error', code: 403 });
    expect(await run(as.contributor, act.add, { sectionId: issue.introId, body: 'Hello' })).toMatchObject({ status: 'error', code: 403 });
    expect(await run(as.contributor, act.resolve, { id: own.data.id })).toMatchObject({ status: 'error', code: 403 });

    // The editor's comment on the contribution reaches the contributor.
    const editorNote = (await run(as.editor, act.add, { contributionId: mine.id, body: 'Thanks, accepted soon.' })) as State & { data: { id: string; href: string } };
    expect(editorNote.data.href).toBe(`/admin/contributions/${mine.id}#comment-${editorNote.data.id}`);
    expect(await p().notification.count({ where: { userId: as.contributor.id, href: editorNote.data.href } })).toBe(1);
    expect(await p().comment.count({ where: { contributionId: theirs.id } })).toBe(0);
  });

  it('refuses without a session and for a deactivated account', async () => {
    const issue = await makeIssue(testDb);
    expect(await run(null, act.add, { sectionId: issue.introId, body: 'Hi' })).toMatchObject({ status: 'error', code: 401 });
    expect(await run({ ...as.editor, active: false }, act.add, { sectionId: issue.introId, body: 'Hi' })).toMatchObject({ status: 'error', code: 403 });
    expect(await p().comment.count({ where: { sectionId: issue.introId } })).toBe(0);
  });
});

describe('notifications through the actions', () => {
  async function noteFor(userId: string, href = '/admin/issues') {
    return p().notification.create({ data: { userId, kind: 'COMMENT', title: 'Something happened', href }, select: { id: true } });
  }

  it('opening one marks it read and goes to its link; someone else’s is not found and stays unread', async () => {
    const note = await noteFor(as.sponsor.id, '/admin/issues/x#comment-y');
    expect(await run(as.editor, act.markRead, form({ id: note.id }))).toMatchObject({ status: 'error', code: 404 });
    expect((await p().notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();

    expect(await run(as.sponsor, act.markRead, form({ id: note.id }))).toEqual({ redirect: '/admin/issues/x#comment-y' });
    const readAt = (await p().notification.findUniqueOrThrow({ where: { id: note.id } })).readAt;
    expect(readAt).not.toBeNull();
    // Opening it again still goes there and keeps the first read time.
    expect(await run(as.sponsor, act.markRead, { id: note.id })).toEqual({ redirect: '/admin/issues/x#comment-y' });
    expect((await p().notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toEqual(readAt);
  });

  it('"mark all as read" marks only the user’s own', async () => {
    const [a, b] = [await noteFor(as.contributor.id), await noteFor(as.contributor.id)];
    const other = await noteFor(as.admin.id);
    expect(await run(as.contributor, act.markAll, {})).toEqual({ redirect: '/admin/notifications?done=all-read' });
    const rows = await p().notification.findMany({ where: { id: { in: [a.id, b.id, other.id] } }, select: { id: true, readAt: true } });
    expect(rows.find((r) => r.id === a.id)!.readAt).not.toBeNull();
    expect(rows.find((r) => r.id === b.id)!.readAt).not.toBeNull();
    expect(rows.find((r) => r.id === other.id)!.readAt).toBeNull();
    expect(await run(as.contributor, act.markAll, new FormData())).toEqual({ redirect: '/admin/notifications?done=none-unread' });
    expect(await run(null, act.markAll, {})).toMatchObject({ status: 'error', code: 401 });
  });
});
