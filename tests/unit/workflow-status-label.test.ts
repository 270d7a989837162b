import { describe, expect, it } from 'vitest';
import { issueStatusLabel } from '@/lib/workflow/status-label';

describe('issueStatusLabel', () => {
  it('does not say “Approved” once an edit has voided the intro’s approval', () => {
    expect(issueStatusLabel('APPROVED', 'approved')).toBe('Approved');
    expect(issueStatusLabel('APPROVED', 'changed-since-approval')).toBe('Needs the sponsor’s approval again');
    expect(issueStatusLabel('APPROVED', null)).toBe('Needs the sponsor’s approval again');
  });

  it('says a scheduled issue with a voided approval is held back', () => {
    expect(issueStatusLabel('SCHEDULED', 'approved')).toBe('Scheduled');
    expect(issueStatusLabel('SCHEDULED', 'changed-since-approval')).toBe('Scheduled (held back: needs the sponsor’s approval again)');
  });

  it('uses the stored label for every other status', () => {
    expect(issueStatusLabel('DRAFT', 'not-requested')).toBe('Draft');
    expect(issueStatusLabel('IN_REVIEW', 'pending')).toBe('In review');
    expect(issueStatusLabel('PUBLISHED', 'changed-since-approval')).toBe('Published');
  });
});
