// What the issue page calls an issue's status. The stored status stays APPROVED or
// SCHEDULED after an edit voids the intro's approval (only a resubmission moves it),
// so reading the stored label alone would tell the editor it is approved when it is not.
import type { ApprovalState } from './intro-hash';
import { STATUS_LABELS, type IssueStatus } from './state-machine';

export const NEEDS_REAPPROVAL = 'Needs the sponsor’s approval again';

export function issueStatusLabel(status: IssueStatus, introState: ApprovalState | null | undefined): string {
  const voided = introState !== undefined && introState !== 'approved';
  if (status === 'APPROVED' && voided) return NEEDS_REAPPROVAL;
  if (status === 'SCHEDULED' && voided) return `${STATUS_LABELS.SCHEDULED} (held back: ${NEEDS_REAPPROVAL.toLowerCase()})`;
  return STATUS_LABELS[status];
}
