// The sponsor approves the intro's exact content: a SHA-256 of its canonical form
// is stored with the approval. Whether it is still approved is computed by hashing
// the current content again, so an edit voids the approval and undoing the edit
// restores it.
import { createHash } from 'node:crypto';

export type IntroContent = {
  title: string;
  body: unknown;
  signOff: string | null;
  signatoryId: string | null;
};

/** JSON with object keys sorted at every depth, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Lowercase hex SHA-256 of what the sponsor signs: title, body, sign-off and signatory. */
export function introContentHash(intro: IntroContent): string {
  const canonical = canonicalJson({
    v: 1,
    title: intro.title,
    body: intro.body,
    signOff: intro.signOff ?? null,
    signatoryId: intro.signatoryId ?? null,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ApprovalState = 'not-requested' | 'pending' | 'approved' | 'changed-since-approval';

export type IntroApprovalFields = IntroContent & {
  approvalRequestedAt: Date | null;
  approvedAt: Date | null;
  approvedContentHash: string | null;
};

/**
 * - approved: an approval exists and the content hashes to what was approved;
 * - pending: submitted and awaiting the sponsor (approvalRequestedAt is set);
 * - changed-since-approval: approved once, edited since, not resubmitted;
 * - not-requested: never submitted (or sent back with changes requested).
 */
export function approvalState(section: IntroApprovalFields): ApprovalState {
  const approved = !!section.approvedAt && !!section.approvedContentHash;
  if (approved && section.approvedContentHash === introContentHash(section)) return 'approved';
  if (section.approvalRequestedAt) return 'pending';
  if (approved) return 'changed-since-approval';
  return 'not-requested';
}

export const APPROVAL_STATE_LABELS: Record<ApprovalState, string> = {
  'not-requested': 'Not yet submitted for approval',
  pending: 'Waiting for sponsor approval',
  approved: 'Approved by the sponsor',
  'changed-since-approval': 'Intro changed since approval',
};
