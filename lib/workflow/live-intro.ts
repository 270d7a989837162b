// A live (PUBLISHED) issue whose intro was edited since the sponsor approved it:
// readers keep the approved text, and the sponsor approves the new one without the
// issue leaving PUBLISHED (decision 017). Pure, shared by the pages and lib/data.
import type { ApprovalState } from './intro-hash';
import type { IssueStatus } from './state-machine';

/** The live issue's intro needs the sponsor before "Publish changes" can put it live. */
export function liveIntroNeedsApproval(status: IssueStatus, state: ApprovalState | null | undefined): boolean {
  return status === 'PUBLISHED' && !!state && state !== 'approved';
}

/** There is a decision for the sponsor to take: an intro in review, or a live issue's edited intro. */
export function introAwaitsSponsor(status: IssueStatus, state: ApprovalState | null | undefined): boolean {
  return status === 'IN_REVIEW' || liveIntroNeedsApproval(status, state);
}
