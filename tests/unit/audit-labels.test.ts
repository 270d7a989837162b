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

  it('names subscription events, and keeps readers’ own changes out of recent activity', () => {
    expect(auditActionLabel('subscriber.unsubscribe')).toBe('A reader unsubscribed');
    expect(auditActionLabel('edition.test-send')).toBe('Sent a test of the email edition');
    expect(auditActionLabel('edition.send')).toBe('Started sending the email edition to subscribers');
    expect(auditEntityLabel('Subscriber')).toBe('Email subscriber');
    expect(ROUTINE_ACTIONS).toEqual(expect.arrayContaining(['subscriber.request', 'subscriber.confirm', 'subscriber.preferences', 'subscriber.unsubscribe']));
    expect(ROUTINE_ACTIONS).not.toContain('edition.test-send');
  });
});
