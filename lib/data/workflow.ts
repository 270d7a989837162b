import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueuePublish } from '@/lib/jobs/queues';
import { activeUsersWhoCan, notify, sendNotificationEmails, type NotificationInput } from '@/lib/notify';
import { parseScheduleTime } from '@/lib/dates';
import { approvalState, introContentHash } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { publishGate, referencedMediaFiles, type GateResult, type GateSnapshot } from '@/lib/workflow/publish-gate';
import { revalidateIssuePages } from '@/lib/workflow/revalidate';
import { assertTransition, availableTransitions, STATUS_LABELS, type IssueStatus } from '@/lib/workflow/state-machine';

// Issue workflow: every status change is a conditional update
// (`updateMany where { id, status: expected }`) in a transaction with its audit row
// and notifications, so of two concurrent changes exactly one wins. After commit:
// emails are queued, publishing jobs queued, public pages revalidated; none of those
// can fail the change.

type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, 'issue' | 'media' | 'comment'>;

const MAX_COMMENT = 5000;

const INTRO_FIELDS = {
  id: true,
  title: true,
  body: true,
  signOff: true,
  signatoryId: true,
  approvalRequestedAt: true,
  approvedAt: true,
  approvedContentHash: true,
} as const;

const ISSUE_FIELDS = { id: true, slug: true, title: true, status: true, scheduledAt: true, publishedAt: true, createdById: true } as const;

// ---------------------------------------------------------------------------
// Reading: the gate snapshot and the workflow panel

/** Everything the publish gate looks at, with narrow selects; null if there is no such issue. */
export async function loadGateSnapshot(client: Reader, issueId: string): Promise<GateSnapshot | null> {
  const issue = await client.issue.findUnique({
    where: { id: issueId },
    select: {
      id: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          ...INTRO_FIELDS,
          kind: true,
          events: {
            orderBy: { position: 'asc' },
            select: {
              event: {
                select: {
                  id: true,
                  title: true,
                  registrationUrl: true,
                  registrationContact: true,
                  saveTheDate: true,
                  description: true,
                  _count: { select: { sessions: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) return null;
  const introRow = issue.sections.find((s) => s.kind === 'INTRO') ?? null;
  const events = new Map<string, GateSnapshot['events'][number]>();
  for (const s of issue.sections) {
    for (const { event: e } of s.events) {
      if (!events.has(e.id)) {
        events.set(e.id, {
          id: e.id,
          title: e.title,
          sessionCount: e._count.sessions,
          registrationUrl: e.registrationUrl,
          registrationContact: e.registrationContact,
          saveTheDate: e.saveTheDate,
          description: e.description,
        });
      }
    }
  }
  const files = referencedMediaFiles([...issue.sections.map((s) => s.body), ...[...events.values()].map((e) => e.description)]);
  const [media, comments] = await Promise.all([
    files.length
      ? client.media.findMany({ where: { fileName: { in: files } }, select: { fileName: true, alt: true, decorative: true } })
      : Promise.resolve([]),
    client.comment.findMany({
      where: { blocking: true, resolvedAt: null, section: { issueId } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, sectionId: true, section: { select: { title: true } } },
    }),
  ]);
  return {
    issueId: issue.id,
    intro: introRow
      ? {
          id: introRow.id,
          title: introRow.title,
          body: introRow.body,
          signOff: introRow.signOff,
          signatoryId: introRow.signatoryId,
          approvalRequestedAt: introRow.approvalRequestedAt,
          approvedAt: introRow.approvedAt,
          approvedContentHash: introRow.approvedContentHash,
        }
      : null,
    sections: issue.sections.map((s) => ({ id: s.id, title: s.title, kind: s.kind, body: s.body })),
    events: [...events.values()],
    media,
    blockingComments: comments.map((c) => ({ id: c.id, sectionId: c.sectionId!, sectionTitle: c.section?.title ?? '' })),
  };
}

/** The publish checklist for an issue; null if not found. */
export async function getPublishGate(user: SessionUser, issueId: string): Promise<GateResult | null> {
  requirePermission(user, 'issue:read');
  const snapshot = await loadGateSnapshot(db, issueId);
  return snapshot ? publishGate(snapshot) : null;
}

/** The issue page's workflow panel: status, intro approval, checklist and the steps this user may take. */
export async function getIssueWorkflow(user: SessionUser, issueId: string) {
  requirePermission(user, 'issue:read');
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: { id: true, slug: true, title: true, status: true, scheduledAt: true, publishedAt: true } });
  if (!issue) return null;
  const snapshot = (await loadGateSnapshot(db, issueId))!;
  const approver = snapshot.intro?.approvedAt
    ? await db.section.findUnique({ where: { id: snapshot.intro.id }, select: { approvedBy: { select: { id: true, name: true } } } })
    : null;
  return {
    issue,
    intro: snapshot.intro
      ? {
          id: snapshot.intro.id,
          state: approvalState(snapshot.intro),
          contentHash: introContentHash(snapshot.intro),
          approvalRequestedAt: snapshot.intro.approvalRequestedAt,
          approvedAt: snapshot.intro.approvedAt,
          approvedBy: approver?.approvedBy ?? null,
        }
      : null,
    gate: publishGate(snapshot),
    transitions: availableTransitions(user, issue.status).map((t) => ({ name: t.name, to: t.to, label: t.label })),
  };
}

// ---------------------------------------------------------------------------
// Helpers for transitions

async function issueFor(tx: Tx, issueId: string) {
  const issue = await tx.issue.findUnique({ where: { id: issueId }, select: ISSUE_FIELDS });
  if (!issue) throw new AppError('not_found', 'That issue no longer exists.');
  return issue;
}

function conflict(now: IssueStatus): AppError {
  return new AppError('conflict', `Someone else changed this issue: it is now ${STATUS_LABELS[now].toLowerCase()}. Reload the page to see where it is.`);
}

/** The conditional update at the heart of every transition: false if the issue moved on meanwhile. */
async function move(tx: Tx, issueId: string, from: IssueStatus, to: IssueStatus, data: Prisma.IssueUpdateManyMutationInput = {}) {
  const { count } = await tx.issue.updateMany({ where: { id: issueId, status: from }, data: { ...data, status: to } });
  return count === 1;
}

async function currentStatus(tx: Tx, issueId: string): Promise<IssueStatus> {
  return (await issueFor(tx, issueId)).status;
}

async function introOf(tx: Tx, issueId: string) {
  return tx.section.findFirst({ where: { issueId, kind: 'INTRO' }, orderBy: { position: 'asc' }, select: INTRO_FIELDS });
}

/** Who gets the sponsor's notifications: the intro's signatory if they have an active sponsor account, else every active sponsor. */
async function sponsorsFor(tx: Tx, signatoryId: string | null) {
  if (signatoryId) {
    const signatory = await tx.user.findFirst({ where: { personId: signatoryId, active: true }, select: { id: true, role: true, active: true } });
    if (signatory && can(signatory, 'intro:approve')) return [signatory.id];
  }
  const sponsors = await tx.user.findMany({ where: { role: 'SPONSOR', active: true }, select: { id: true } });
  return sponsors.map((s) => s.id);
}

/**
 * Who gets the editor's notifications: whoever last took one of `actions` on the
 * issue and its creator, if still active editors; otherwise every active editor.
 */
async function editorsFor(tx: Tx, issue: { id: string; createdById: string | null }, actions: string[]) {
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

const to = (userIds: string[], n: Omit<NotificationInput, 'userId'>): NotificationInput[] => userIds.map((userId) => ({ ...n, userId }));

function cleanComment(comment: string | undefined | null, field = 'comment'): string {
  const text = (comment ?? '').trim();
  if (!text) throw new AppError('invalid', 'Enter a comment saying what needs to change.', { fieldErrors: { [field]: ['Enter a comment saying what needs to change'] } });
  if (text.length > MAX_COMMENT) {
    throw new AppError('invalid', `The comment must be ${MAX_COMMENT} characters or fewer.`, { fieldErrors: { [field]: [`Comment must be ${MAX_COMMENT} characters or fewer`] } });
  }
  return text;
}

type Done = { issue: { id: string; slug: string; status: IssueStatus }; notificationIds: string[] };

async function afterCommit(result: Done, opts: { revalidate?: boolean } = {}) {
  await sendNotificationEmails(result.notificationIds);
  if (opts.revalidate) await revalidateIssuePages([result.issue.slug]);
}

// ---------------------------------------------------------------------------
// Intro approval

/** DRAFT (or APPROVED after an edit) → IN_REVIEW; notifies the sponsor. */
export async function submitIntroForApproval(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done> {
  requirePermission(user, 'intro:update');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    const intro = await introOf(tx, issue.id);
    if (!intro) throw new AppError('invalid', 'This issue has no intro to submit. Add an intro section first.');
    if (issue.status === 'IN_REVIEW') throw new AppError('conflict', 'The intro is already waiting for the sponsor’s approval.');
    if (issue.status === 'APPROVED' && approvalState(intro) === 'approved') {
      throw new AppError('conflict', 'The sponsor has already approved the intro as it is now.');
    }
    assertTransition(user, issue.status, 'IN_REVIEW');
    if (!(await move(tx, issue.id, issue.status, 'IN_REVIEW'))) throw conflict(await currentStatus(tx, issue.id));
    await tx.section.update({ where: { id: intro.id }, data: { approvalRequestedAt: now }, select: { id: true } });
    const contentHash = introContentHash(intro);
    await audit(tx, {
      actorId: user.id,
      action: 'intro.submit',
      entityType: 'Issue',
      entityId: issue.id,
      details: { from: issue.status, to: 'IN_REVIEW', sectionId: intro.id, contentHash },
    });
    const notificationIds = await notify(
      tx,
      to(await sponsorsFor(tx, intro.signatoryId), {
        kind: 'SUBMITTED_FOR_APPROVAL',
        title: `Intro ready for your approval: ${issue.title}`,
        body: `${user.name} submitted the intro “${intro.title}” for your approval.`,
        href: links.introApproval(issue.id),
      }),
      { exceptUserId: user.id },
    );
    return { issue: { id: issue.id, slug: issue.slug, status: 'IN_REVIEW' as const }, notificationIds };
  });
  await afterCommit(result);
  return result;
}

type Decider = { userId: string | null; name: string; via: 'account' | 'link'; tokenId?: string };

/** The approval itself, shared by signed-in sponsors and approval links. */
async function approveInTx(tx: Tx, who: Decider, input: { issueId: string; contentHash: string }, now: Date): Promise<Done & { alreadyApproved: boolean }> {
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
  await tx.section.update({
    where: { id: intro.id },
    data: { approvedById: who.userId, approvedAt: now, approvedContentHash: contentHash, approvalRequestedAt: null },
    select: { id: true },
  });
  await audit(tx, {
    actorId: who.userId,
    action: 'intro.approve',
    entityType: 'Issue',
    entityId: issue.id,
    details: { from: 'IN_REVIEW', to: 'APPROVED', sectionId: intro.id, contentHash, via: who.via, ...(who.tokenId ? { tokenId: who.tokenId, by: who.name } : {}) },
  });
  const notificationIds = await notify(
    tx,
    to(await editorsFor(tx, issue, ['intro.submit']), {
      kind: 'APPROVED',
      title: `Intro approved: ${issue.title}`,
      body: `${who.name} approved the intro “${intro.title}”. The issue can now be scheduled or published.`,
      href: links.issue(issue.id),
    }),
    { exceptUserId: who.userId },
  );
  return { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' as const }, notificationIds, alreadyApproved: false };
}

/**
 * IN_REVIEW → APPROVED, recording who, when and the hash of the approved content.
 * `contentHash` is the hash of what the sponsor read: if the intro changed since,
 * nothing is approved. Of concurrent approvals one wins; the others find it
 * already approved and return `alreadyApproved` without writing anything.
 */
export async function approveIntro(
  user: SessionUser,
  input: { issueId: string; contentHash: string },
  opts: { now?: Date; via?: 'account' | 'link' } = {},
): Promise<Done & { alreadyApproved: boolean }> {
  requirePermission(user, 'intro:approve');
  assertTransition(user, 'IN_REVIEW', 'APPROVED');
  const now = opts.now ?? new Date();
  const result = await db.$transaction((tx) => approveInTx(tx, { userId: user.id, name: user.name, via: opts.via ?? 'account' }, input, now));
  await afterCommit(result);
  return result;
}

/** Sending the intro back, shared by signed-in sponsors and approval links. Without an account there is no comment author, so the text is kept in the audit row and the notification. */
async function requestChangesInTx(tx: Tx, who: Decider, input: { issueId: string }, body: string): Promise<Done & { commentId: string | null }> {
  const issue = await issueFor(tx, input.issueId);
  if (!(await move(tx, issue.id, 'IN_REVIEW', 'DRAFT'))) throw conflict(await currentStatus(tx, issue.id));
  const intro = await introOf(tx, issue.id);
  if (!intro) throw new AppError('invalid', 'This issue has no intro.');
  await tx.section.update({ where: { id: intro.id }, data: { approvalRequestedAt: null }, select: { id: true } });
  const comment = who.userId ? await tx.comment.create({ data: { sectionId: intro.id, authorId: who.userId, body }, select: { id: true } }) : null;
  await audit(tx, {
    actorId: who.userId,
    action: 'intro.request-changes',
    entityType: 'Issue',
    entityId: issue.id,
    details: {
      from: 'IN_REVIEW',
      to: 'DRAFT',
      sectionId: intro.id,
      commentId: comment?.id ?? null,
      via: who.via,
      ...(who.tokenId ? { tokenId: who.tokenId, by: who.name, comment: body } : {}),
    },
  });
  const notificationIds = await notify(
    tx,
    to(await editorsFor(tx, issue, ['intro.submit']), {
      kind: 'CHANGES_REQUESTED',
      title: `Changes requested to the intro: ${issue.title}`,
      body: who.via === 'link' && !who.userId ? `${who.name}: ${body}` : body,
      href: comment ? links.comment(issue.id, intro.id, comment.id) : links.section(issue.id, intro.id),
    }),
    { exceptUserId: who.userId },
  );
  return { issue: { id: issue.id, slug: issue.slug, status: 'DRAFT' as const }, notificationIds, commentId: comment?.id ?? null };
}

/** IN_REVIEW → DRAFT with a required comment on the intro, which notifies whoever submitted it. */
export async function requestIntroChanges(
  user: SessionUser,
  input: { issueId: string; comment: string },
  opts: { via?: 'account' | 'link' } = {},
): Promise<Done & { commentId: string }> {
  requirePermission(user, 'intro:approve');
  assertTransition(user, 'IN_REVIEW', 'DRAFT');
  const body = cleanComment(input.comment);
  const result = await db.$transaction((tx) => requestChangesInTx(tx, { userId: user.id, name: user.name, via: opts.via ?? 'account' }, input, body));
  await afterCommit(result);
  return { ...result, commentId: result.commentId! };
}

// ---------------------------------------------------------------------------
// Scheduling and publishing

function gateError(gate: GateResult, verb: 'scheduled' | 'published'): AppError {
  const unmet = gate.items.filter((i) => !i.met);
  return new AppError('conflict', `The issue cannot be ${verb} yet: ${unmet.map((i) => i.message).join(' ')}`, { data: { gate } });
}

async function gateFor(tx: Tx, issueId: string): Promise<GateResult> {
  const snapshot = await loadGateSnapshot(tx, issueId);
  if (!snapshot) throw new AppError('not_found', 'That issue no longer exists.');
  return publishGate(snapshot);
}

/** APPROVED → SCHEDULED at a London date and time; the gate must pass. Queues the publishing job. */
export async function scheduleIssue(
  user: SessionUser,
  input: { issueId: string; date: { day?: unknown; month?: unknown; year?: unknown }; time: string },
  opts: { now?: Date } = {},
): Promise<Done & { scheduledAt: Date }> {
  requirePermission(user, 'issue:publish');
  const now = opts.now ?? new Date();
  return scheduleIssueAt(user, { issueId: input.issueId, scheduledAt: parseScheduleTime(input, now) }, { now });
}

/** APPROVED → SCHEDULED at an instant (scheduleIssue reads it from the form). */
export async function scheduleIssueAt(
  user: SessionUser,
  input: { issueId: string; scheduledAt: Date },
  opts: { now?: Date } = {},
): Promise<Done & { scheduledAt: Date }> {
  requirePermission(user, 'issue:publish');
  const { scheduledAt } = input;
  if (!(scheduledAt.getTime() > (opts.now ?? new Date()).getTime())) {
    throw new AppError('invalid', 'The publication time must be in the future', { fieldErrors: { date: ['The publication time must be in the future'] } });
  }
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'SCHEDULED');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'scheduled');
    if (!(await move(tx, issue.id, issue.status, 'SCHEDULED', { scheduledAt }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, {
      actorId: user.id,
      action: 'issue.schedule',
      entityType: 'Issue',
      entityId: issue.id,
      details: { from: issue.status, to: 'SCHEDULED', scheduledAt: scheduledAt.toISOString() },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'SCHEDULED' as const }, notificationIds: [], scheduledAt };
  });
  await enqueuePublish(result.issue.id, scheduledAt);
  return result;
}

/** SCHEDULED → APPROVED: the queued job then finds nothing to publish. */
export async function unscheduleIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  return db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'APPROVED');
    if (!(await move(tx, issue.id, 'SCHEDULED', 'APPROVED', { scheduledAt: null }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, {
      actorId: user.id,
      action: 'issue.unschedule',
      entityType: 'Issue',
      entityId: issue.id,
      details: { from: 'SCHEDULED', to: 'APPROVED', scheduledAt: issue.scheduledAt?.toISOString() ?? null },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' as const }, notificationIds: [] };
  });
}

/**
 * The publishing step shared by editors and the job worker: sets PUBLISHED and
 * publishedAt (the first publication's time is kept when an issue is republished),
 * audit row, notification. Returns null when the issue was no longer `from`.
 */
async function publishInTx(
  tx: Tx,
  issue: { id: string; slug: string; title: string; createdById: string | null },
  from: IssueStatus,
  actor: { id: string | null; name: string },
  now: Date,
  extraWhere: Prisma.IssueWhereInput = {},
): Promise<Done | null> {
  const current = await tx.issue.findUnique({ where: { id: issue.id }, select: { publishedAt: true } });
  const { count } = await tx.issue.updateMany({
    where: { id: issue.id, status: from, ...extraWhere },
    data: { status: 'PUBLISHED', publishedAt: current?.publishedAt ?? now, scheduledAt: null },
  });
  if (count !== 1) return null;
  await audit(tx, {
    actorId: actor.id,
    action: 'issue.publish',
    entityType: 'Issue',
    entityId: issue.id,
    details: { from, to: 'PUBLISHED', by: actor.id ? 'editor' : 'schedule' },
  });
  const notificationIds = await notify(
    tx,
    to(await editorsFor(tx, issue, ['issue.schedule', 'issue.publish']), {
      kind: 'ISSUE_PUBLISHED',
      title: `Published: ${issue.title}`,
      body: actor.id ? `${actor.name} published the issue.` : 'The issue was published at its scheduled time.',
      href: links.issue(issue.id),
    }),
    { exceptUserId: actor.id },
  );
  return { issue: { id: issue.id, slug: issue.slug, status: 'PUBLISHED' }, notificationIds };
}

/** APPROVED or SCHEDULED → PUBLISHED now; the gate must pass. */
export async function publishIssue(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'PUBLISHED');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'published');
    const done = await publishInTx(tx, issue, issue.status, user, now);
    if (!done) throw conflict(await currentStatus(tx, issue.id));
    return done;
  });
  await afterCommit(result, { revalidate: true });
  return result;
}

export type ScheduledOutcome = 'published' | 'not-scheduled' | 'not-due' | 'blocked';

/**
 * The job worker's publish: only if the issue is still SCHEDULED and due, so
 * running it twice publishes once. If the gate no longer passes (say the intro was
 * edited after scheduling), the issue goes back to APPROVED and the editor is told.
 */
export async function publishDueIssue(issueId: string, opts: { now?: Date } = {}): Promise<ScheduledOutcome> {
  const now = opts.now ?? new Date();
  let done: Done | null = null;
  const outcome = await db.$transaction(async (tx): Promise<ScheduledOutcome> => {
    const issue = await tx.issue.findUnique({ where: { id: issueId }, select: ISSUE_FIELDS });
    if (!issue || issue.status !== 'SCHEDULED' || !issue.scheduledAt) return 'not-scheduled';
    if (issue.scheduledAt.getTime() > now.getTime()) return 'not-due';
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) {
      if (!(await move(tx, issue.id, 'SCHEDULED', 'APPROVED', { scheduledAt: null }))) return 'not-scheduled';
      const unmet = gate.items.filter((i) => !i.met);
      await audit(tx, {
        actorId: null,
        action: 'issue.schedule-blocked',
        entityType: 'Issue',
        entityId: issue.id,
        details: { from: 'SCHEDULED', to: 'APPROVED', scheduledAt: issue.scheduledAt.toISOString(), unmet: unmet.map((i) => i.key) },
      });
      const notificationIds = await notify(
        tx,
        to(await editorsFor(tx, issue, ['issue.schedule']), {
          kind: 'ISSUE_PUBLISHED',
          title: `Not published: ${issue.title}`,
          body: `The issue was due to be published but was held back: ${unmet.map((i) => i.message).join(' ')}`,
          href: links.issue(issue.id),
        }),
      );
      done = { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' }, notificationIds };
      return 'blocked';
    }
    done = await publishInTx(tx, issue, 'SCHEDULED', { id: null, name: 'Schedule' }, now, { scheduledAt: { lte: now } });
    return done ? 'published' : 'not-scheduled';
  });
  const finished = done as Done | null;
  if (finished) await afterCommit(finished, { revalidate: outcome === 'published' });
  return outcome;
}

/** SCHEDULED issues whose time has passed, oldest first. */
export async function overdueIssueIds(now: Date = new Date()): Promise<string[]> {
  const rows = await db.issue.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** PUBLISHED (or ARCHIVED) → DRAFT. Revisions, audit rows and publishedAt stay. */
export async function unpublishIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'DRAFT');
    if (issue.status !== 'PUBLISHED' && issue.status !== 'ARCHIVED') throw conflict(issue.status);
    if (!(await move(tx, issue.id, issue.status, 'DRAFT', { scheduledAt: null }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, { actorId: user.id, action: 'issue.unpublish', entityType: 'Issue', entityId: issue.id, details: { from: issue.status, to: 'DRAFT' } });
    return { issue: { id: issue.id, slug: issue.slug, status: 'DRAFT' as const }, notificationIds: [] };
  });
  await afterCommit(result, { revalidate: true });
  return result;
}

/** PUBLISHED → ARCHIVED: off the public site, kept in the admin. */
export async function archiveIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'ARCHIVED');
    if (!(await move(tx, issue.id, 'PUBLISHED', 'ARCHIVED'))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, { actorId: user.id, action: 'issue.archive', entityType: 'Issue', entityId: issue.id, details: { from: 'PUBLISHED', to: 'ARCHIVED' } });
    return { issue: { id: issue.id, slug: issue.slug, status: 'ARCHIVED' as const }, notificationIds: [] };
  });
  await afterCommit(result, { revalidate: true });
  return result;
}
