// The one permission table: every server action, route handler and data-access
// function asks `can()` / `requirePermission()` (the UI asks the same question to
// decide what to show). Permissions are `entity:verb:scope`, where `own` means the
// record belongs to the user (they created or submitted it) and `any` means any record.

import { AppError } from '@/lib/errors';

export const ROLES = ['ADMIN', 'EDITOR', 'SPONSOR', 'CONTRIBUTOR'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = {
  'issue:read': 'Read unpublished issues',
  'issue:create': 'Create issues',
  'issue:update': 'Edit issue details',
  'issue:publish': 'Schedule, publish and unpublish issues',
  'section:read': 'Read sections of unpublished issues',
  'section:create': 'Add sections',
  'section:update': 'Edit sections other than the intro',
  'section:delete': 'Delete sections',
  'section:reorder': 'Reorder sections',
  'intro:update': "Edit an issue's intro",
  'intro:approve': 'Approve an intro as the sponsor',
  'comment:create': 'Comment on sections',
  'comment:read': 'Read review comments',
  'comment:resolve': 'Resolve and reopen comments',
  'event:read': 'Read events that are not yet public',
  'event:create': 'Create events',
  'event:update': 'Edit events',
  'event:delete': 'Delete events',
  'person:read': 'List people',
  'person:create': 'Create people',
  'person:update': 'Edit and merge people',
  'person:delete': 'Delete people',
  'organisation:read': 'List organisations',
  'organisation:create': 'Create organisations',
  'organisation:update': 'Edit and merge organisations',
  'media:read': 'Browse the media library',
  'media:create': 'Upload images',
  'media:update': 'Edit alt text',
  'media:delete': 'Delete images',
  'contribution:create': 'Submit articles and events',
  'contribution:read': 'See submissions',
  'contribution:update': 'Edit submissions while still submitted',
  'contribution:review': 'Accept or decline submissions',
  'user:read': 'List users',
  'user:create': 'Invite and create users',
  'user:update': 'Change roles, deactivate, reset passwords',
  'audit:read': 'View the audit log',
  'notification:read': 'See and mark your notifications',
  'revision:read': 'See revision history',
  'revision:restore': 'Restore a revision',
  'site-page:update': 'Edit the accessibility statement and privacy notice',
  'edition:send': 'Preview the email edition of an issue and send it or a test',
  'subscriber:read': 'See email subscribers, their consent history, and export them',
  'subscriber:import': 'Import email subscribers from a CSV file',
} as const;

export type Action = keyof typeof ACTIONS;
export type Scope = 'own' | 'any';
export type Permission = `${Action}:${Scope}`;

const any = (...actions: Action[]): Permission[] => actions.map((a) => `${a}:any` as const);
const own = (...actions: Action[]): Permission[] => actions.map((a) => `${a}:own` as const);

const EDITING = any(
  'issue:read', 'issue:create', 'issue:update', 'issue:publish',
  'section:read', 'section:create', 'section:update', 'section:delete', 'section:reorder',
  'intro:update', 'comment:create', 'comment:read', 'comment:resolve',
  'event:read', 'event:create', 'event:update', 'event:delete',
  'person:read', 'person:create', 'person:update', 'person:delete',
  'organisation:read',
  'media:read', 'media:create', 'media:update', 'media:delete',
  'contribution:read', 'contribution:review',
  'audit:read', 'revision:read', 'revision:restore',
  'site-page:update', 'edition:send', 'subscriber:read', 'subscriber:import',
);

export const PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(any(...(Object.keys(ACTIONS) as Action[]))),
  EDITOR: new Set([...EDITING, ...own('notification:read')]),
  SPONSOR: new Set([
    ...any('issue:read', 'section:read', 'intro:update', 'intro:approve', 'comment:create', 'comment:read', 'comment:resolve'),
    ...any('event:read', 'person:read', 'organisation:read', 'media:read', 'revision:read'),
    ...own('notification:read'),
  ]),
  CONTRIBUTOR: new Set([
    ...own('contribution:create', 'contribution:read', 'contribution:update', 'comment:read', 'comment:create', 'notification:read'),
    ...any('person:read', 'organisation:read'),
  ]),
};

export type Actor = { id: string; role: Role; active: boolean };

/** What a record needs to say for an `own` permission to apply. */
export type Resource = { ownerId?: string | null };

/**
 * May `user` do `action` (to `resource`)? Deactivated users and anonymous visitors
 * may do nothing. Without a resource only `any` permissions count, except for
 * `create`, where `own` means "create records that will be mine".
 */
export function can(user: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!user || !user.active) return false;
  const granted = PERMISSIONS[user.role];
  if (!granted) return false;
  if (granted.has(`${action}:any`)) return true;
  if (!granted.has(`${action}:own`)) return false;
  if (action.endsWith(':create') && !resource) return true;
  return !!resource?.ownerId && resource.ownerId === user.id;
}

/** The scope a user holds for an action, for building `where` clauses. */
export function scopeOf(user: Actor | null | undefined, action: Action): Scope | null {
  if (!user || !user.active) return null;
  const granted = PERMISSIONS[user.role];
  if (granted?.has(`${action}:any`)) return 'any';
  if (granted?.has(`${action}:own`)) return 'own';
  return null;
}

/** The refusal for a signed-in user whose role may not take `action`. */
export function forbidden(action: Action): AppError {
  return new AppError('forbidden', `You do not have permission to ${ACTIONS[action].toLowerCase()}.`);
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 'Sign in to continue.');
}

/** The action editing a section needs: sponsors may edit only the intro; everyone else needs section:update. */
export function sectionEditPermission(kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST'): Action {
  return kind === 'INTRO' ? 'intro:update' : 'section:update';
}

/** Server-side guard: throws unless `can()`; narrows `user` to a signed-in actor. */
export function requirePermission<U extends Actor>(
  user: U | null | undefined,
  action: Action,
  resource?: Resource,
): asserts user is U {
  if (!user) throw unauthenticated();
  if (!can(user, action, resource)) throw forbidden(action);
}
