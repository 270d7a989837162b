import { describe, expect, it } from 'vitest';
import { ACTIONS, can, requirePermission, type Action, type Role } from '@/lib/auth/permissions';

// The expected table, written out independently of lib/auth/permissions.ts.
// `any` = allowed on anyone's record, `own` = only on the user's own, absent = denied.
const EDITOR_ANY: Action[] = [
  'issue:read', 'issue:create', 'issue:update', 'issue:publish',
  'section:read', 'section:create', 'section:update', 'section:delete', 'section:reorder',
  'intro:update', 'comment:create', 'comment:read', 'comment:resolve',
  'event:read', 'event:create', 'event:update', 'event:delete',
  'person:read', 'person:create', 'person:update', 'person:delete', 'organisation:read',
  'media:read', 'media:create', 'media:update', 'media:delete',
  'contribution:read', 'contribution:review', 'audit:read', 'revision:read', 'revision:restore',
  'site-page:update', 'edition:send', 'subscriber:read', 'subscriber:import',
];
const EXPECTED: Record<Role, { any: Action[]; own: Action[] }> = {
  ADMIN: { any: Object.keys(ACTIONS) as Action[], own: [] },
  EDITOR: { any: EDITOR_ANY, own: ['notification:read'] },
  SPONSOR: {
    any: ['issue:read', 'section:read', 'intro:update', 'intro:approve', 'comment:create', 'comment:read', 'comment:resolve', 'event:read', 'person:read', 'organisation:read', 'media:read', 'revision:read'],
    own: ['notification:read'],
  },
  CONTRIBUTOR: {
    any: ['person:read', 'organisation:read'],
    own: ['contribution:create', 'contribution:read', 'contribution:update', 'comment:read', 'comment:create', 'notification:read'],
  },
};

const ROLES = Object.keys(EXPECTED) as Role[];
const actor = (role: Role, active = true) => ({ id: `user-${role}`, role, active });

describe('permission table: every role × action × own/another’s record', () => {
  let pairs = 0;
  let unexpectedAllows = 0;
  for (const role of ROLES) {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      const user = actor(role);
      const expectAny = EXPECTED[role].any.includes(action);
      const expectOwn = expectAny || EXPECTED[role].own.includes(action);
      it(`${role} ${action}`, () => {
        const own = can(user, action, { ownerId: user.id });
        const other = can(user, action, { ownerId: 'someone-else' });
        pairs += 2;
        if (own && !expectOwn) unexpectedAllows++;
        if (other && !expectAny) unexpectedAllows++;
        expect({ own, other }).toEqual({ own: expectOwn, other: expectAny });
      });
    }
  }
  it('counts the pairs and finds 0 unexpected allows', () => {
    expect(pairs).toBe(ROLES.length * Object.keys(ACTIONS).length * 2);
    expect(unexpectedAllows).toBe(0);
  });
});

describe('guards', () => {
  it('deactivated and anonymous users may do nothing', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      expect(can(actor('ADMIN', false), action)).toBe(false);
      expect(can(null, action)).toBe(false);
    }
  });

  it('sponsors edit intros but not other sections, and cannot publish', () => {
    const sponsor = actor('SPONSOR');
    expect(can(sponsor, 'intro:update')).toBe(true);
    expect(can(sponsor, 'section:update')).toBe(false);
    expect(can(sponsor, 'issue:publish')).toBe(false);
  });

  it('contributors may create submissions of their own', () => {
    expect(can(actor('CONTRIBUTOR'), 'contribution:create')).toBe(true);
    expect(can(actor('CONTRIBUTOR'), 'issue:read')).toBe(false);
  });

  it('requirePermission throws 401 without a user and 403 without the permission', () => {
    expect(() => requirePermission(null, 'issue:read')).toThrow(expect.objectContaining({ code: 'unauthenticated', status: 401 }));
    expect(() => requirePermission(actor('CONTRIBUTOR'), 'issue:read')).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    expect(() => requirePermission(actor('EDITOR'), 'issue:read')).not.toThrow();
  });
});
