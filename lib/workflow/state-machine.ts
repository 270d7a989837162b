// The issue lifecycle: one table of transitions, checked by every server-side
// change of Issue.status (lib/data/workflow.ts). Each transition names the
// permission (lib/auth/permissions.ts) that allows it.
import { can, forbidden, type Action, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export const ISSUE_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export type TransitionName =
  | 'submit'
  | 'approve'
  | 'requestChanges'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'archive'
  | 'unpublish';

export type Transition = { name: TransitionName; from: IssueStatus; to: IssueStatus; permission: Action; label: string };

export const TRANSITIONS: readonly Transition[] = [
  // The editor or the sponsor submits the intro; after an edit that voided an approval, again from APPROVED.
  { name: 'submit', from: 'DRAFT', to: 'IN_REVIEW', permission: 'intro:update', label: 'Submit for sponsor approval' },
  { name: 'submit', from: 'APPROVED', to: 'IN_REVIEW', permission: 'intro:update', label: 'Submit for sponsor approval' },
  { name: 'approve', from: 'IN_REVIEW', to: 'APPROVED', permission: 'intro:approve', label: 'Approve' },
  { name: 'requestChanges', from: 'IN_REVIEW', to: 'DRAFT', permission: 'intro:approve', label: 'Request changes' },
  { name: 'schedule', from: 'APPROVED', to: 'SCHEDULED', permission: 'issue:publish', label: 'Schedule' },
  { name: 'unschedule', from: 'SCHEDULED', to: 'APPROVED', permission: 'issue:publish', label: 'Cancel the schedule' },
  { name: 'publish', from: 'APPROVED', to: 'PUBLISHED', permission: 'issue:publish', label: 'Publish now' },
  { name: 'publish', from: 'SCHEDULED', to: 'PUBLISHED', permission: 'issue:publish', label: 'Publish now' },
  { name: 'archive', from: 'PUBLISHED', to: 'ARCHIVED', permission: 'issue:publish', label: 'Archive' },
  // Unpublish returns the issue to DRAFT; its revisions, audit rows and publishedAt stay.
  { name: 'unpublish', from: 'PUBLISHED', to: 'DRAFT', permission: 'issue:publish', label: 'Unpublish' },
  { name: 'unpublish', from: 'ARCHIVED', to: 'DRAFT', permission: 'issue:publish', label: 'Unpublish' },
];

/** The transition from one status to another, if the lifecycle has one. */
export function transitionFor(from: IssueStatus, to: IssueStatus): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null;
}

/** The transition named `name` out of `from`, if any. */
export function transitionNamed(name: TransitionName, from: IssueStatus): Transition | null {
  return TRANSITIONS.find((t) => t.name === name && t.from === from) ?? null;
}

/** A step the lifecycle does not have from where the issue is now (someone else moved it, or a stale page). */
export function invalidTransition(from: IssueStatus, to: IssueStatus): AppError {
  return new AppError(
    'invalid_transition',
    `An issue that is ${STATUS_LABELS[from].toLowerCase()} cannot become ${STATUS_LABELS[to].toLowerCase()}. Reload the page to see where it is.`,
    { data: { from, to } },
  );
}

export const STATUS_LABELS: Record<IssueStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/** May `user` move an issue from `from` to `to`? */
export function canTransition(user: Actor | null | undefined, from: IssueStatus, to: IssueStatus): boolean {
  const t = transitionFor(from, to);
  return !!t && can(user, t.permission);
}

/**
 * Throws an 'invalid_transition' AppError when the lifecycle has no such step, and
 * a 'forbidden' one when the user's role may not take it; returns the transition.
 */
export function assertTransition(user: Actor | null | undefined, from: IssueStatus, to: IssueStatus): Transition {
  const t = transitionFor(from, to);
  if (!t) throw invalidTransition(from, to);
  if (!can(user, t.permission)) throw forbidden(t.permission);
  return t;
}

/** The steps `user` may take from `from` (for the issue page's buttons). */
export function availableTransitions(user: Actor | null | undefined, from: IssueStatus): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && can(user, t.permission));
}
