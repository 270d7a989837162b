import { describe, expect, it } from 'vitest';
import { nextIssueDue } from '@/lib/issues/next-due';

const issue = (id: string, y: number, m: number) => ({ id, month: new Date(Date.UTC(y, m - 1, 1)) });

describe('nextIssueDue', () => {
  it('picks the soonest issue whose month has not passed, not the furthest-future one', () => {
    const issues = [issue('mar', 2027, 3), issue('jan', 2027, 1), issue('feb', 2027, 2), issue('old', 2026, 10)];
    expect(nextIssueDue(issues, new Date('2026-12-15T12:00:00Z'))?.id).toBe('jan');
  });

  it("counts this month's issue as due, judged in London", () => {
    const issues = [issue('dec', 2026, 12), issue('jan', 2027, 1)];
    expect(nextIssueDue(issues, new Date('2026-12-31T23:30:00Z'))?.id).toBe('dec');
    // Midnight in London on 1 April 2027 (BST) is still 31 March in UTC.
    expect(nextIssueDue([issue('mar', 2027, 3), issue('apr', 2027, 4)], new Date('2027-03-31T23:30:00Z'))?.id).toBe('apr');
  });

  it('falls back to the latest issue when every one is for a past month, and to none when there are none', () => {
    expect(nextIssueDue([issue('a', 2025, 1), issue('b', 2025, 6)], new Date('2026-12-01T12:00:00Z'))?.id).toBe('b');
    expect(nextIssueDue([], new Date())).toBeUndefined();
  });
});
