import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { AppError, isAppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { approvalLinkEmail, appUrl } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { decideIntroInTx, type IntroDecision } from '@/lib/data/intro-decision';
import { afterCommit, INTRO_FIELDS } from '@/lib/data/workflow-tx';
import { issueArticleSelect } from '@/lib/data/issues';
import { changesSinceApproval } from '@/lib/workflow/approval-diff';
import { approvalState, introContentHash } from '@/lib/workflow/intro-hash';
import { introAwaitsSponsor, liveIntroNeedsApproval } from '@/lib/workflow/live-intro';

// Links that work without an account: a sponsor's approval link (the intro and its
// two decisions, nothing else) and a preview link (the unpublished issue, read only).
// The link carries 32 random bytes; only their SHA-256 is stored, so the table
// cannot be turned back into working links. Both last 7 days and can be revoked;
// an approval link is spent by its decision (a conditional update on usedAt).

export const ACCESS_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export type LinkPurpose = 'INTRO_APPROVAL' | 'ISSUE_PREVIEW';
export type LinkProblem = 'invalid' | 'expired' | 'revoked' | 'used';

export const approvalPath = (token: string) => `/approve/${token}`;
export const previewPath = (token: string) => `/preview/${token}`;

// ---------------------------------------------------------------------------
// For editors: create, list, revoke

/** The sponsor accounts an approval link can act for (active, allowed to approve). */
export async function listLinkSponsors(user: SessionUser) {
  requirePermission(user, 'issue:update');
  const rows = await db.user.findMany({
    where: { role: 'SPONSOR', active: true },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, personId: true },
  });
  return rows;
}

/** Links still usable for an issue (not revoked, used or expired), newest first. */
export async function listActiveLinks(user: SessionUser, issueId: string, now: Date = new Date()) {
  requirePermission(user, 'issue:update');
  return db.accessToken.findMany({
    where: { issueId, purpose: { in: ['INTRO_APPROVAL', 'ISSUE_PREVIEW'] }, revokedAt: null, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, purpose: true, email: true, expiresAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

async function issueForLink(issueId: string) {
  const issue = await db.issue.findUnique({
    where: { id: issueId },
    select: { id: true, title: true, status: true, sections: { where: { kind: 'INTRO' }, orderBy: { position: 'asc' }, take: 1, select: INTRO_FIELDS } },
  });
  if (!issue) throw new AppError('not_found', 'That issue no longer exists.');
  const intro = issue.sections[0];
  return { id: issue.id, title: issue.title, status: issue.status, introState: intro ? approvalState(intro) : null };
}

/**
 * An approval link for the sponsor `sponsorId`, emailed to their address. Only while
 * the intro waits for approval: IN_REVIEW, or a live issue whose intro was edited since
 * its approval (decision 017). Returns the link's expiry, never the token: the editor
 * must not be able to approve in the sponsor's name.
 */
/** Stores a link (only its token's hash) with its audit row, in one transaction. */
async function createLink(
  user: SessionUser,
  token: string,
  now: Date,
  link: { purpose: 'INTRO_APPROVAL' | 'ISSUE_PREVIEW'; issueId: string; userId?: string; email?: string },
  details: Record<string, string> = {},
) {
  const expiresAt = new Date(now.getTime() + ACCESS_LINK_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const row = await tx.accessToken.create({
      data: { ...link, tokenHash: hashAccessToken(token), expiresAt, createdById: user.id },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'access-link.create',
      entityType: 'Issue',
      entityId: link.issueId,
      details: { linkId: row.id, purpose: link.purpose, ...details, expiresAt: expiresAt.toISOString() },
    });
    return row;
  });
}

export async function createApprovalLink(user: SessionUser, input: { issueId: string; sponsorId: string }, opts: { now?: Date } = {}) {
  requirePermission(user, 'issue:update');
  const now = opts.now ?? new Date();
  const issue = await issueForLink(input.issueId);
  if (!introAwaitsSponsor(issue.status, issue.introState)) {
    throw new AppError('conflict', 'Submit the intro for sponsor approval first: an approval link can only be sent while the intro waits for approval.');
  }
  const sponsor = await db.user.findUnique({
    where: { id: input.sponsorId },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!sponsor || sponsor.role !== 'SPONSOR' || !can(sponsor, 'intro:approve')) {
    throw new AppError('invalid', 'Choose the sponsor to send the link to', { fieldErrors: { sponsorId: ['Choose the sponsor to send the link to'] } });
  }
  const token = newToken();
  const link = await createLink(user, token, now, { purpose: 'INTRO_APPROVAL', issueId: issue.id, userId: sponsor.id, email: sponsor.email }, { sponsorId: sponsor.id });
  // The link is only useful if it arrives; a failed send is reported, the link revoked.
  try {
    await sendEmail(approvalLinkEmail({ to: sponsor.email, issueTitle: issue.title, senderName: user.name, link: appUrl(approvalPath(token)), expiresAt: link.expiresAt }));
  } catch (error) {
    console.error('[approval link] email not sent', error);
    await db.accessToken.update({ where: { id: link.id }, data: { revokedAt: new Date() }, select: { id: true } });
    throw new AppError('conflict', `The email to ${sponsor.email} could not be sent, so the link was cancelled. Try again later.`);
  }
  return { id: link.id, expiresAt: link.expiresAt, email: sponsor.email, sponsorName: sponsor.name };
}

/** A preview link for an unpublished issue; returns the token once, for the editor to share. */
export async function createPreviewLink(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}) {
  requirePermission(user, 'issue:update');
  const now = opts.now ?? new Date();
  const issue = await issueForLink(input.issueId);
  if (issue.status === 'PUBLISHED') throw new AppError('conflict', 'This issue is published: share its public address instead of a preview link.');
  const token = newToken();
  const row = await createLink(user, token, now, { purpose: 'ISSUE_PREVIEW', issueId: issue.id });
  return { id: row.id, expiresAt: row.expiresAt, url: appUrl(previewPath(token)) };
}

/** Revokes an issue's approval or preview link; a link already revoked stays as it was. */
export async function revokeAccessLink(user: SessionUser, input: { id: string; issueId: string }, opts: { now?: Date } = {}) {
  requirePermission(user, 'issue:update');
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const link = await tx.accessToken.findUnique({ where: { id: input.id }, select: { id: true, purpose: true, issueId: true, revokedAt: true } });
    if (!link || link.issueId !== input.issueId || link.purpose === 'SIGN_IN') throw new AppError('not_found', 'That link no longer exists.');
    const { count } = await tx.accessToken.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 1) {
      await audit(tx, {
        actorId: user.id,
        action: 'access-link.revoke',
        entityType: 'Issue',
        entityId: input.issueId,
        details: { linkId: link.id, purpose: link.purpose },
      });
    }
    return { id: link.id, issueId: input.issueId, purpose: link.purpose as LinkPurpose };
  });
}

// ---------------------------------------------------------------------------
// For whoever holds a link (no session)

type Row = { id: string; issueId: string | null; userId: string | null; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

async function findLink(token: string, purpose: LinkPurpose): Promise<Row | null> {
  if (!TOKEN.test(token)) return null;
  return db.accessToken.findFirst({
    where: { tokenHash: hashAccessToken(token), purpose },
    select: { id: true, issueId: true, userId: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
}

function problemOf(row: Row | null, now: Date, opts: { singleUse: boolean }): LinkProblem | null {
  if (!row || !row.issueId) return 'invalid';
  if (row.revokedAt) return 'revoked';
  if (opts.singleUse && row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

const introSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  signOff: true,
  signatoryId: true,
  approvalRequestedAt: true,
  approvedAt: true,
  approvedContent: true,
  approvedContentHash: true,
  signatory: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } },
  bylineOrganisation: { select: { name: true } },
  bylines: {
    orderBy: { position: 'asc' },
    select: { person: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } } },
  },
} as const;

/** What an approval link shows: the issue's title and its intro as readers will see it, with its content hash. */
export async function getApprovalLinkView(token: string, now: Date = new Date()) {
  const row = await findLink(token, 'INTRO_APPROVAL');
  const problem = problemOf(row, now, { singleUse: true });
  if (problem) return { ok: false as const, problem, usedAt: row?.usedAt ?? null };
  const issue = await db.issue.findUnique({
    where: { id: row!.issueId! },
    select: { id: true, title: true, status: true, sections: { where: { kind: 'INTRO' }, orderBy: { position: 'asc' }, take: 1, select: introSelect } },
  });
  const intro = issue?.sections[0];
  if (!issue || !intro) return { ok: false as const, problem: 'invalid' as const, usedAt: null };
  const sponsor = row!.userId ? await db.user.findUnique({ where: { id: row!.userId }, select: { name: true } }) : null;
  const state = approvalState(intro);
  return {
    ok: true as const,
    issue: { title: issue.title, status: issue.status },
    /** Whether there is a decision to take now; `live`: the issue stays published whatever it is. */
    waiting: introAwaitsSponsor(issue.status, state),
    live: liveIntroNeedsApproval(issue.status, state),
    intro,
    sponsorName: sponsor?.name ?? null,
    contentHash: introContentHash(intro),
    changes: changesSinceApproval(intro),
    expiresAt: row!.expiresAt,
  };
}

export type LinkDecision = IntroDecision;
export type DecisionOutcome = { ok: true; decision: LinkDecision['decision'] } | { ok: false; problem: LinkProblem | 'conflict' | 'comment'; message?: string };

/**
 * The sponsor's decision through an approval link, taken as the link's sponsor
 * account. Claiming the link (usedAt set only if still null), the decision and the
 * link's audit row are one transaction: of two submits one decides, and if the
 * decision fails (the intro changed, the issue moved on, no comment) nothing is
 * written and the link still works.
 */
export async function decideByLink(token: string, input: LinkDecision, opts: { now?: Date } = {}): Promise<DecisionOutcome> {
  const now = opts.now ?? new Date();
  const row = await findLink(token, 'INTRO_APPROVAL');
  const problem = problemOf(row, now, { singleUse: true });
  if (problem) return { ok: false, problem };
  const link = { id: row!.id, issueId: row!.issueId! };
  const sponsor = await db.user.findUnique({
    where: { id: row!.userId ?? '00000000-0000-0000-0000-000000000000' },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
  if (!sponsor || !can(sponsor, 'intro:approve')) return { ok: false, problem: 'revoked' };
  try {
    const result = await db.$transaction(async (tx) => {
      const { count } = await tx.accessToken.updateMany({
        where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return null;
      const done = await decideIntroInTx(tx, sponsor, { issueId: link.issueId, ...input }, { now, via: 'link' });
      // The trail says the decision came through this link, not a signed-in session.
      await audit(tx, {
        actorId: sponsor.id,
        action: 'access-link.use',
        entityType: 'Issue',
        entityId: link.issueId,
        details: { linkId: link.id, purpose: 'INTRO_APPROVAL', decision: input.decision },
      });
      return done;
    });
    if (!result) return { ok: false, problem: 'used' };
    await afterCommit(result);
    return { ok: true, decision: input.decision };
  } catch (error) {
    if (isAppError(error, 'invalid_transition') || isAppError(error, 'forbidden')) {
      return { ok: false, problem: 'conflict', message: 'The intro is no longer waiting for approval.' };
    }
    if (isAppError(error)) {
      return { ok: false, problem: error.fieldErrors?.comment ? 'comment' : 'conflict', message: error.message };
    }
    throw error;
  }
}

/** What a preview link shows: the issue in the public page's shape, whatever its status. */
export async function getPreviewLinkView(token: string, now: Date = new Date()) {
  const row = await findLink(token, 'ISSUE_PREVIEW');
  const problem = problemOf(row, now, { singleUse: false });
  if (problem) return { ok: false as const, problem };
  const issue = await db.issue.findUnique({ where: { id: row!.issueId! }, select: { ...issueArticleSelect, status: true } });
  if (!issue) return { ok: false as const, problem: 'invalid' as const };
  return { ok: true as const, issue, expiresAt: row!.expiresAt };
}
