import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel, ROUTINE_ACTIONS } from '@/lib/audit-labels';

describe('audit labels', () => {
  it('puts known codes in words', () => {
    expect(auditActionLabel('section.update')).toBe('Edited a section');
    expect(auditActionLabel('auth.sign-in')).toBe('Signed in');
    expect(auditEntityLabel('Media')).toBe('Image');
    expect(auditEntityLabel('Contribution')).toBe('Submission');
  });

  it('still reads as words for a code it does not know', () => {
    expect(auditActionLabel('issue.republish-pending')).toBe('Issue: republish pending');
    expect(auditActionLabel('access-link.expire')).toBe('Access link: expire');
    expect(auditEntityLabel('AccessLink')).toBe('Sponsor or preview link');
    expect(auditEntityLabel('SectionRevision')).toBe('Section revision');
  });

  it('treats sign-ins as routine', () => {
    expect(ROUTINE_ACTIONS).toContain('auth.sign-in');
  });
});
