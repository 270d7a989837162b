import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel, hasAuditLabel, ROUTINE_ACTIONS } from '@/lib/audit-labels';

/** Every audit code the app writes: the `action: '…'` literals in lib/ and app/ (including both arms of a conditional). */
function writtenAuditCodes(): string[] {
  const codes = new Set<string>();
  for (const root of ['lib', 'app']) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.parentPath.includes('generated')) continue;
      const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      for (const [statement] of source.matchAll(/action: [^,}]+/g)) {
        for (const [, code] of statement.matchAll(/'([a-z-]+\.[a-z.-]+)'/g)) codes.add(code!);
      }
    }
  }
  return [...codes].sort();
}

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

  it('words every audit code the app writes, the import of a bulletin included', () => {
    const codes = writtenAuditCodes();
    expect(codes).toEqual(expect.arrayContaining(['issue.import', 'comment.resolve', 'comment.reopen', 'section.update']));
    expect(codes.filter((code) => !hasAuditLabel(code))).toEqual([]);
    expect(auditActionLabel('issue.import')).toBe('Imported an existing bulletin as a draft issue');
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
