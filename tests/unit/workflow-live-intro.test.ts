import { describe, expect, it } from 'vitest';
import { introAwaitsSponsor, liveIntroNeedsApproval } from '@/lib/workflow/live-intro';

describe('a live issue’s intro and the sponsor', () => {
  it('needs the sponsor again only when the issue is live and the intro is not approved as it is', () => {
    expect(liveIntroNeedsApproval('PUBLISHED', 'changed-since-approval')).toBe(true);
    expect(liveIntroNeedsApproval('PUBLISHED', 'pending')).toBe(true);
    expect(liveIntroNeedsApproval('PUBLISHED', 'approved')).toBe(false);
    expect(liveIntroNeedsApproval('PUBLISHED', null)).toBe(false);
    expect(liveIntroNeedsApproval('APPROVED', 'changed-since-approval')).toBe(false);
  });

  it('the sponsor has a decision for an intro in review or a live intro that needs them', () => {
    expect(introAwaitsSponsor('IN_REVIEW', 'pending')).toBe(true);
    expect(introAwaitsSponsor('PUBLISHED', 'pending')).toBe(true);
    expect(introAwaitsSponsor('PUBLISHED', 'approved')).toBe(false);
    expect(introAwaitsSponsor('DRAFT', 'not-requested')).toBe(false);
    expect(introAwaitsSponsor('ARCHIVED', 'changed-since-approval')).toBe(false);
  });
});
