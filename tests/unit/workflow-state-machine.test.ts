import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/auth/permissions';
import {
  assertTransition,
  availableTransitions,
  canTransition,
  ISSUE_STATUSES,
  TRANSITIONS,
  type IssueStatus,
} from '@/lib/workflow/state-machine';

// Written out by hand from the brief (issue 5), not derived from the table under test:
// which roles may take each step. Every other (from, to) pair is not a step at all.
const EXPECTED: Record<string, Role[]> = {
  'DRAFT>IN_REVIEW': ['ADMIN', 'EDITOR', 'SPONSOR'],
  'APPROVED>IN_REVIEW': ['ADMIN', 'EDITOR', 'SPONSOR'],
  'IN_REVIEW>APPROVED': ['ADMIN', 'SPONSOR'],
  'IN_REVIEW>DRAFT': ['ADMIN', 'SPONSOR'],
  'APPROVED>SCHEDULED': ['ADMIN', 'EDITOR'],
  'SCHEDULED>APPROVED': ['ADMIN', 'EDITOR'],
  'APPROVED>PUBLISHED': ['ADMIN', 'EDITOR'],
  'SCHEDULED>PUBLISHED': ['ADMIN', 'EDITOR'],
  'PUBLISHED>ARCHIVED': ['ADMIN', 'EDITOR'],
  'PUBLISHED>DRAFT': ['ADMIN', 'EDITOR'],
  'ARCHIVED>DRAFT': ['ADMIN', 'EDITOR'],
};

const actor = (role: Role, active = true) => ({ id: `user-${role}`, role, active });

describe('issue state machine', () => {
  it('has exactly the expected steps', () => {
    expect(TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows and forbids every (from, to, role) triple as expected', () => {
    let allowed = 0;
    let forbidden = 0;
    let invalid = 0;
    for (const from of ISSUE_STATUSES) {
      for (const to of ISSUE_STATUSES) {
        for (const role of ROLES) {
          const user = actor(role);
          const roles = EXPECTED[`${from}>${to}`];
          const label = `${role}: ${from} → ${to}`;
          if (!roles) {
            expect(() => assertTransition(user, from, to), label).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
            expect(canTransition(user, from, to), label).toBe(false);
            invalid++;
          } else if (roles.includes(role)) {
            expect(assertTransition(user, from, to), label).toMatchObject({ from, to });
            expect(canTransition(user, from, to), label).toBe(true);
            allowed++;
          } else {
            expect(() => assertTransition(user, from, to), label).toThrow(expect.objectContaining({ code: 'forbidden' }));
            expect(canTransition(user, from, to), label).toBe(false);
            forbidden++;
          }
        }
      }
    }
    // 6 statuses × 6 statuses × 4 roles; 11 steps.
    expect(allowed + forbidden + invalid).toBe(144);
    expect(allowed).toBe(3 + 3 + 2 + 2 + 2 * 7);
    expect(forbidden).toBe(11 * 4 - allowed);
    expect(invalid).toBe((36 - 11) * 4);
  });

  it('forbids every step to deactivated users and to nobody', () => {
    for (const t of TRANSITIONS) {
      for (const role of ROLES) {
        expect(() => assertTransition(actor(role, false), t.from, t.to)).toThrow(expect.objectContaining({ code: 'forbidden' }));
      }
      expect(() => assertTransition(null, t.from, t.to)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    }
  });

  it('never allows staying in the same status', () => {
    for (const s of ISSUE_STATUSES) expect(() => assertTransition(actor('ADMIN'), s, s)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('lists the steps a role may take from a status', () => {
    const names = (role: Role, from: IssueStatus) => availableTransitions(actor(role), from).map((t) => t.name);
    expect(names('SPONSOR', 'IN_REVIEW')).toEqual(['approve', 'requestChanges']);
    expect(names('EDITOR', 'IN_REVIEW')).toEqual([]);
    expect(names('EDITOR', 'APPROVED')).toEqual(['submit', 'schedule', 'publish']);
    expect(names('EDITOR', 'PUBLISHED')).toEqual(['archive', 'unpublish']);
    expect(names('CONTRIBUTOR', 'DRAFT')).toEqual([]);
  });

  it('explains an impossible step in words', () => {
    expect(() => assertTransition(actor('ADMIN'), 'DRAFT', 'PUBLISHED')).toThrow('An issue that is draft cannot become published.');
  });
});
