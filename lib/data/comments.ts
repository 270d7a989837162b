import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { can, forbidden, PERMISSIONS, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { notify, sendNotificationEmails, type NotificationInput } from '@/lib/notify';
import { links } from '@/lib/workflow/links';
import { parseMentions } from '@/lib/workflow/mentions';

// Review comments, threaded one level (a reply to a reply joins the thread's first
// comment), on a section (editors, sponsors, admins) or on a contribution (also its
// contributor). Mentions follow lib/workflow/mentions.ts and notify the person named.

type Tx = Prisma.TransactionClient;

export const MAX_COMMENT_LENGTH = 5000;

const COMMENT_SELECT = {
  id: true,
  parentId: true,
  body: true,
  blocking: true,
  createdAt: true,
  resolvedAt: true,
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
} as const;

type Target =
  | { kind: 'section'; sectionId: string; issueId: string; title: string }
  | { kind: 'contribution'; contributionId: string; submittedById: string; title: string };

async function targetOf(tx: Tx | typeof db, where: { sectionId?: string | null; contributionId?: string | null }): Promise<Target> {
  if (where.sectionId) {
    const s = await tx.section.findUnique({ where: { id: where.sectionId }, select: { id: true, issueId: true, title: true } });
    if (!s) throw new AppError('not_found', 'That section no longer exists.');
    return { kind: 'section', sectionId: s.id, issueId: s.issueId, title: s.title };
  }
  if (where.contributionId) {
    const c = await tx.contribution.findUnique({ where: { id: where.contributionId }, select: { id: true, submittedById: true, title: true } });
    if (!c) throw new AppError('not_found', 'That submission no longer exists.');
    return { kind: 'contribution', contributionId: c.id, submittedById: c.submittedById, title: c.title };
  }
  throw new AppError('invalid', 'Say what the comment is about.');
}

const owner = (t: Target) => ({ ownerId: t.kind === 'contribution' ? t.submittedById : null });

function assertMay(user: SessionUser, action: 'comment:read' | 'comment:create' | 'comment:resolve', target: Target) {
  requirePermission(user, action, owner(target));
  // `own` comment rights cover contributions only; sections have no owner.
  if (target.kind === 'section' && !can(user, action)) throw forbidden(action);
}

const hrefFor = (t: Target, commentId: string) =>
  t.kind === 'section' ? links.comment(t.issueId, t.sectionId, commentId) : links.contributionComment(t.contributionId, commentId);

/** Everyone who may read comments on the target: candidates for mentions. */
async function readers(tx: Tx, t: Target) {
  const roles = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((r) => PERMISSIONS[r].has('comment:read:any'));
  return tx.user.findMany({
    where: { active: true, OR: [{ role: { in: roles } }, ...(t.kind === 'contribution' ? [{ id: t.submittedById }] : [])] },
    select: { id: true, name: true },
  });
}

function cleanBody(body: string): string {
  const text = (body ?? '').trim();
  if (!text) throw new AppError('invalid', 'Enter a comment.', { fieldErrors: { body: ['Enter a comment'] } });
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new AppError('invalid', `A comment must be ${MAX_COMMENT_LENGTH} characters or fewer.`, { fieldErrors: {
      body: [`Comment must be ${MAX_COMMENT_LENGTH} characters or fewer`],
    } });
  }
  return text;
}

/** Threads on a section or a contribution, oldest first, each with its replies. */
export async function listComments(user: SessionUser, where: { sectionId?: string; contributionId?: string }) {
  const target = await targetOf(db, where);
  assertMay(user, 'comment:read', target);
  const rows = await db.comment.findMany({
    where: target.kind === 'section' ? { sectionId: target.sectionId } : { contributionId: target.contributionId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: COMMENT_SELECT,
  });
  const threads = rows.filter((r) => !r.parentId).map((r) => ({ ...r, replies: [] as typeof rows }));
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of rows) if (r.parentId) byId.get(r.parentId)?.replies.push(r);
  return threads;
}

/** Unresolved threads per section of an issue (for the badges), and how many of them block publishing. */
export async function unresolvedCommentCounts(user: SessionUser, issueId: string): Promise<Record<string, { unresolved: number; blocking: number }>> {
  requirePermission(user, 'comment:read');
  if (!can(user, 'comment:read')) throw forbidden('comment:read');
  const groups = await db.comment.groupBy({
    by: ['sectionId', 'blocking'],
    where: { section: { issueId }, parentId: null, resolvedAt: null },
    _count: { _all: true },
  });
  const out: Record<string, { unresolved: number; blocking: number }> = {};
  for (const g of groups) {
    const entry = (out[g.sectionId!] ??= { unresolved: 0, blocking: 0 });
    entry.unresolved += g._count._all;
    if (g.blocking) entry.blocking += g._count._all;
  }
  return out;
}

/**
 * Adds a comment (or a reply). Mentioned people get a MENTION notification; the
 * thread's other participants (and a contribution's contributor) get COMMENT.
 */
export async function addComment(
  user: SessionUser,
  input: { sectionId?: string; contributionId?: string; parentId?: string | null; body: string; blocking?: boolean },
) {
  const body = cleanBody(input.body);
  const result = await db.$transaction(async (tx) => {
    const target = await targetOf(tx, input);
    assertMay(user, 'comment:create', target);
    let rootId: string | null = null;
    let participants: string[] = [];
    if (input.parentId) {
      const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { id: true, parentId: true, sectionId: true, contributionId: true } });
      const sameTarget =
        parent && (target.kind === 'section' ? parent.sectionId === target.sectionId : parent.contributionId === target.contributionId);
      if (!parent || !sameTarget) throw new AppError('not_found', 'The comment you replied to no longer exists.');
      rootId = parent.parentId ?? parent.id;
      const thread = await tx.comment.findMany({ where: { OR: [{ id: rootId }, { parentId: rootId }] }, select: { authorId: true } });
      participants = thread.map((c) => c.authorId);
    }
    const comment = await tx.comment.create({
      data: {
        ...(target.kind === 'section' ? { sectionId: target.sectionId } : { contributionId: target.contributionId }),
        parentId: rootId,
        authorId: user.id,
        body,
        blocking: !rootId && !!input.blocking && can(user, 'comment:resolve'),
      },
      select: { id: true, blocking: true },
    });
    const mentioned = parseMentions(body, await readers(tx, target)).filter((id) => id !== user.id);
    const href = hrefFor(target, comment.id);
    const others = [...participants, ...(target.kind === 'contribution' ? [target.submittedById] : [])].filter(
      (id) => id !== user.id && !mentioned.includes(id),
    );
    const inputs: NotificationInput[] = [
      ...mentioned.map((userId) => ({ userId, kind: 'MENTION' as const, title: `${user.name} mentioned you on “${target.title}”`, body, href })),
      ...others.map((userId) => ({ userId, kind: 'COMMENT' as const, title: `${user.name} commented on “${target.title}”`, body, href })),
    ];
    const notificationIds = await notify(tx, inputs, { exceptUserId: user.id });
    await audit(tx, {
      actorId: user.id,
      action: 'comment.create',
      entityType: 'Comment',
      entityId: comment.id,
      details: { ...(target.kind === 'section' ? { sectionId: target.sectionId } : { contributionId: target.contributionId }), parentId: rootId, blocking: comment.blocking, mentioned },
    });
    return { id: comment.id, blocking: comment.blocking, mentioned, href, notificationIds };
  });
  await sendNotificationEmails(result.notificationIds);
  return result;
}

async function setResolved(user: SessionUser, id: string, resolved: boolean) {
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id }, select: { id: true, parentId: true, sectionId: true, contributionId: true } });
    if (!comment) throw new AppError('not_found', 'That comment no longer exists.');
    const target = await targetOf(tx, comment);
    assertMay(user, 'comment:resolve', target);
    if (comment.parentId) throw new AppError('invalid', 'Resolve the thread from its first comment.');
    const { count } = await tx.comment.updateMany({
      where: { id, resolvedAt: resolved ? null : { not: null } },
      data: resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) return { changed: false };
    await audit(tx, { actorId: user.id, action: resolved ? 'comment.resolve' : 'comment.reopen', entityType: 'Comment', entityId: id });
    return { changed: true };
  });
}

/** Resolves a thread (idempotent: resolving a resolved thread changes nothing). */
export function resolveComment(user: SessionUser, id: string) {
  return setResolved(user, id, true);
}

export function reopenComment(user: SessionUser, id: string) {
  return setResolved(user, id, false);
}
