import 'server-only';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session';
import { activeUsersWhoCan, activeUsersWithRoles, notify, sendNotificationEmails, type NotificationInput } from '@/lib/notify';
import { introContentHash } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { revalidateIssuePages } from '@/lib/workflow/revalidate';
import { STATUS_LABELS, type IssueStatus } from '@/lib/workflow/state-machine';

// The pieces every issue transition is built from (lib/data/workflow.ts and
// lib/data/intro-decision.ts): reads inside the transaction, the conditional
// status update, who is notified, and what happens after commit.

export type Tx = Prisma.TransactionClient;

const MAX_COMMENT = 5000;

export const INTRO_FIELDS = {
  id: true,
  title: true,
  body: true,
  signOff: true,
  signatoryId: true,
  approvalRequestedAt: true,
  approvedAt: true,
  approvedContentHash: true,
} as const;

export const ISSUE_FIELDS = { id: true, slug: true, title: true, status: true, scheduledAt: true, publishedAt: true, createdById: true } as const;

export type Done = { issue: { id: string; slug: string; status: IssueStatus }; notificationIds: string[] };

export async function issueFor(tx: Tx, issueId: string) {
  const issue = await tx.issue.findUnique({ where: { id: issueId }, select: ISSUE_FIELDS });
  if (!issue) throw new AppError('not_found', 'That issue no longer exists.');
  return issue;
}

export function conflict(now: IssueStatus): AppError {
  return new AppError('conflict', `Someone else changed this issue: it is now ${STATUS_LABELS[now].toLowerCase()}. Reload the page to see where it is.`);
}

/** The conditional update at the heart of every transition: false if the issue moved on meanwhile. */
export async function move(tx: Tx, issueId: string, from: IssueStatus, to: IssueStatus, data: Prisma.IssueUpdateManyMutationInput = {}) {
  const { count } = await tx.issue.updateMany({ where: { id: issueId, status: from }, data: { ...data, status: to } });
  return count === 1;
}

export async function currentStatus(tx: Tx, issueId: string): Promise<IssueStatus> {
  return (await issueFor(tx, issueId)).status;
}

export async function introOf(tx: Tx, issueId: string) {
  return tx.section.findFirst({ where: { issueId, kind: 'INTRO' }, orderBy: { position: 'asc' }, select: INTRO_FIELDS });
}

/** Who gets the sponsor's notifications: the intro's signatory if they have an active sponsor account, else every active sponsor. */
export async function sponsorsFor(tx: Tx, signatoryId: string | null) {
  if (signatoryId) {
    const signatory = await tx.user.findFirst({ where: { personId: signatoryId, active: true }, select: { id: true, role: true, active: true } });
    if (signatory && can(signatory, 'intro:approve')) return [signatory.id];
  }
  return (await activeUsersWithRoles(tx, ['SPONSOR'])).map((s) => s.id);
}

/**
 * Who gets the editor's notifications: whoever last took one of `actions` on the
 * issue and its creator, if still active editors; otherwise every active editor.
 */
export async function editorsFor(tx: Tx, issue: { id: string; createdById: string | null }, actions: string[]) {
  const last = await tx.auditLog.findFirst({
    where: { entityType: 'Issue', entityId: issue.id, action: { in: actions }, actorId: { not: null } },
    orderBy: { id: 'desc' },
    select: { actorId: true },
  });
  const ids = [...new Set([last?.actorId, issue.createdById].filter((id): id is string => !!id))];
  const users = ids.length ? await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true, role: true, active: true } }) : [];
  const editors = users.filter((u) => can(u, 'issue:publish')).map((u) => u.id);
  if (editors.length) return editors;
  return (await activeUsersWhoCan(tx, 'issue:publish')).map((u) => u.id);
}

/**
 * Puts the intro in front of the sponsor: marks it requested, writes the intro.submit
 * audit row (with the hash of the text asked about) and notifies the sponsor. Shared by
 * submitting for approval and asking again about a live issue's edited intro.
 */
export async function askSponsorInTx(
  tx: Tx,
  a: {
    user: SessionUser;
    issue: { id: string; from: IssueStatus; to: IssueStatus };
    intro: NonNullable<Awaited<ReturnType<typeof introOf>>>;
    now: Date;
    message: { title: string; body: string };
  },
): Promise<string[]> {
  await tx.section.update({ where: { id: a.intro.id }, data: { approvalRequestedAt: a.now }, select: { id: true } });
  await audit(tx, {
    actorId: a.user.id,
    action: 'intro.submit',
    entityType: 'Issue',
    entityId: a.issue.id,
    details: { from: a.issue.from, to: a.issue.to, sectionId: a.intro.id, contentHash: introContentHash(a.intro) },
  });
  return notify(
    tx,
    to(await sponsorsFor(tx, a.intro.signatoryId), { kind: 'SUBMITTED_FOR_APPROVAL', ...a.message, href: links.introApproval(a.issue.id) }),
    { exceptUserId: a.user.id },
  );
}

export const to = (userIds: string[], n: Omit<NotificationInput, 'userId'>): NotificationInput[] => userIds.map((userId) => ({ ...n, userId }));

export function cleanComment(comment: string | undefined | null, field = 'comment'): string {
  const text = (comment ?? '').trim();
  if (!text) throw new AppError('invalid', 'Enter a comment saying what needs to change.', { fieldErrors: { [field]: ['Enter a comment saying what needs to change'] } });
  if (text.length > MAX_COMMENT) {
    throw new AppError('invalid', `The comment must be ${MAX_COMMENT} characters or fewer.`, { fieldErrors: { [field]: [`Comment must be ${MAX_COMMENT} characters or fewer`] } });
  }
  return text;
}

export async function afterCommit(result: Done, opts: { revalidate?: boolean } = {}) {
  await sendNotificationEmails(result.notificationIds);
  if (opts.revalidate) await revalidateIssuePages([result.issue.slug]);
}
