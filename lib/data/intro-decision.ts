import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { requirePermission, type Actor } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { notify } from '@/lib/notify';
import { approvalState, introContentHash } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { assertTransition, type IssueStatus } from '@/lib/workflow/state-machine';
import { cleanComment, conflict, currentStatus, editorsFor, introOf, issueFor, move, to, type Done, type Tx } from '@/lib/data/workflow-tx';

// The sponsor's decision on an intro, as one function that runs inside a caller's
// transaction: a signed-in sponsor's approval (lib/data/workflow.ts) and an approval
// link (lib/data/access-links.ts), which claims its token in the same transaction,
// so a failed decision leaves no claim and no audit row behind.

export type IntroDecision = { decision: 'approve'; contentHash: string } | { decision: 'request-changes'; comment: string };
export type IntroDecisionResult =
  | (Done & { decision: 'approve'; alreadyApproved: boolean })
  | (Done & { decision: 'request-changes'; commentId: string });

/** Who decides: always a sponsor account (a link acts as its sponsor); `via` says how they reached the decision. */
export type Decider = Actor & { id: string; name: string };
type Via = 'account' | 'link';

/**
 * Checks the decider may take the step, then records it: IN_REVIEW → APPROVED or
 * IN_REVIEW → DRAFT with the audit row and the editors' notifications. On a live
 * (PUBLISHED) issue either decision leaves it PUBLISHED (decision 017). Throws an
 * AppError (forbidden, invalid_transition, invalid comment, conflict) before or
 * during its writes; the caller's transaction then rolls everything back.
 */
export async function decideIntroInTx(
  tx: Tx,
  who: Decider,
  input: { issueId: string } & IntroDecision,
  opts: { now: Date; via: Via },
): Promise<IntroDecisionResult> {
  requirePermission(who, 'intro:approve');
  const issue = await issueFor(tx, input.issueId);
  const live = issue.status === 'PUBLISHED';
  if (input.decision === 'approve') {
    if (live) return { decision: 'approve', ...(await approveLiveInTx(tx, who, issue, input, opts)) };
    assertTransition(who, 'IN_REVIEW', 'APPROVED');
    return { decision: 'approve', ...(await approveInTx(tx, who, input, opts)) };
  }
  if (!live) assertTransition(who, 'IN_REVIEW', 'DRAFT');
  const body = cleanComment(input.comment);
  return { decision: 'request-changes', ...(await requestChangesInTx(tx, who, issue, body, opts.via)) };
}

/**
 * IN_REVIEW → APPROVED, recording who, when and the hash of the approved content.
 * `contentHash` is the hash of what the sponsor read: if the intro changed since,
 * nothing is approved. Of concurrent approvals one wins; the others find it
 * already approved and return `alreadyApproved` without writing anything.
 */
async function approveInTx(tx: Tx, who: Decider, input: { issueId: string; contentHash: string }, opts: { now: Date; via: Via }) {
  const issue = await issueFor(tx, input.issueId);
  if (!(await move(tx, issue.id, 'IN_REVIEW', 'APPROVED'))) {
    const latest = await issueFor(tx, issue.id);
    const intro = await introOf(tx, issue.id);
    if (latest.status !== 'IN_REVIEW' && intro && approvalState(intro) === 'approved' && intro.approvedContentHash === input.contentHash) {
      return { issue: { id: latest.id, slug: latest.slug, status: latest.status }, notificationIds: [], alreadyApproved: true };
    }
    throw latest.status === 'IN_REVIEW' ? new AppError('conflict', 'Try again.') : conflict(latest.status);
  }
  const intro = await introOf(tx, issue.id);
  if (!intro) throw new AppError('invalid', 'This issue has no intro to approve.');
  const contentHash = introContentHash(intro);
  if (contentHash !== input.contentHash) {
    throw new AppError('conflict', 'The intro was edited while you were reading it. Read the current text, then approve it.', { data: { contentHash } });
  }
  const notificationIds = await recordApproval(tx, who, issue, intro, contentHash, {
    ...opts,
    from: 'IN_REVIEW',
    to: 'APPROVED',
    editorActions: ['intro.submit'],
    body: `${who.name} approved the intro “${intro.title}”. The issue can now be scheduled or published.`,
  });
  return { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' as const }, notificationIds, alreadyApproved: false };
}

/**
 * A live issue's intro edited since its approval (decision 017): the sponsor approves
 * the new text without the issue leaving PUBLISHED (readers keep the published intro
 * until "Publish changes"). The status does not move, so the intro row is locked instead.
 */
async function approveLiveInTx(
  tx: Tx,
  who: Decider,
  issue: { id: string; slug: string; title: string; createdById: string | null },
  input: { contentHash: string },
  opts: { now: Date; via: Via },
) {
  const found = await introOf(tx, issue.id);
  if (!found) throw new AppError('invalid', 'This issue has no intro to approve.');
  await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${found.id}::uuid FOR UPDATE`;
  const intro = (await introOf(tx, issue.id))!;
  const contentHash = introContentHash(intro);
  if (contentHash !== input.contentHash) {
    throw new AppError('conflict', 'The intro was edited while you were reading it. Read the current text, then approve it.', { data: { contentHash } });
  }
  const done = { issue: { id: issue.id, slug: issue.slug, status: 'PUBLISHED' as const } };
  if (approvalState(intro) === 'approved') return { ...done, notificationIds: [], alreadyApproved: true };
  const notificationIds = await recordApproval(tx, who, issue, intro, contentHash, {
    ...opts,
    from: 'PUBLISHED',
    to: 'PUBLISHED',
    editorActions: ['intro.submit', 'issue.publish'],
    body: `${who.name} approved the edited intro “${intro.title}”. The changes can now be published.`,
  });
  return { ...done, notificationIds, alreadyApproved: false };
}

type Intro = NonNullable<Awaited<ReturnType<typeof introOf>>>;

/** The approval itself, for a review or a live issue: the intro row, its audit row and the editors' notifications. */
async function recordApproval(
  tx: Tx,
  who: Decider,
  issue: { id: string; title: string; createdById: string | null },
  intro: Intro,
  contentHash: string,
  step: { now: Date; via: Via; from: string; to: string; editorActions: string[]; body: string },
) {
  await tx.section.update({
    where: { id: intro.id },
    data: {
      approvedById: who.id,
      approvedAt: step.now,
      approvedContentHash: contentHash,
      // Kept so the next approval can show the sponsor what changed since this one.
      approvedContent: { title: intro.title, body: intro.body as Prisma.InputJsonValue, signOff: intro.signOff, signatoryId: intro.signatoryId },
      approvalRequestedAt: null,
    },
    select: { id: true },
  });
  await audit(tx, {
    actorId: who.id,
    action: 'intro.approve',
    entityType: 'Issue',
    entityId: issue.id,
    details: { from: step.from, to: step.to, sectionId: intro.id, contentHash, via: step.via },
  });
  return notify(
    tx,
    to(await editorsFor(tx, issue, step.editorActions), {
      kind: 'APPROVED',
      title: `Intro approved: ${issue.title}`,
      body: step.body,
      href: links.issue(issue.id),
    }),
    { exceptUserId: who.id },
  );
}

/**
 * IN_REVIEW → DRAFT with the sponsor's comment on the intro, which notifies whoever
 * submitted it. On a live issue whose edited intro waits for them, the issue stays
 * PUBLISHED and readers keep the approved intro: only the request is withdrawn and
 * the comment sent, so the editor can change the text and ask again.
 */
async function requestChangesInTx(tx: Tx, who: Decider, issue: { id: string; slug: string; title: string; status: IssueStatus; createdById: string | null }, body: string, via: Via) {
  const live = issue.status === 'PUBLISHED';
  if (live) {
    const found = await introOf(tx, issue.id);
    if (found) await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${found.id}::uuid FOR UPDATE`;
  } else if (!(await move(tx, issue.id, 'IN_REVIEW', 'DRAFT'))) {
    throw conflict(await currentStatus(tx, issue.id));
  }
  const intro = await introOf(tx, issue.id);
  if (!intro) throw new AppError('invalid', 'This issue has no intro.');
  if (live && approvalState(intro) === 'approved') {
    throw new AppError('conflict', 'The intro of this live issue is approved as it is now, so there is nothing waiting for your decision.');
  }
  const to_ = live ? ('PUBLISHED' as const) : ('DRAFT' as const);
  await tx.section.update({ where: { id: intro.id }, data: { approvalRequestedAt: null }, select: { id: true } });
  const comment = await tx.comment.create({ data: { sectionId: intro.id, authorId: who.id, body }, select: { id: true } });
  await audit(tx, {
    actorId: who.id,
    action: 'intro.request-changes',
    entityType: 'Issue',
    entityId: issue.id,
    details: { from: live ? 'PUBLISHED' : 'IN_REVIEW', to: to_, sectionId: intro.id, commentId: comment.id, via },
  });
  const notificationIds = await notify(
    tx,
    to(await editorsFor(tx, issue, ['intro.submit']), {
      kind: 'CHANGES_REQUESTED',
      // The comment is the body either way; the title says a live issue is still live.
      title: live ? `Changes requested to the edited intro (still live): ${issue.title}` : `Changes requested to the intro: ${issue.title}`,
      body,
      href: links.comment(issue.id, intro.id, comment.id),
    }),
    { exceptUserId: who.id },
  );
  return { issue: { id: issue.id, slug: issue.slug, status: to_ }, notificationIds, commentId: comment.id };
}
