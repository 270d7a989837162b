import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ListPage, Missing, RowLink } from '@/components/admin/forms/list-page';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/users';
import { ROLE_LABEL } from '@/lib/validation/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const user = await requireUser('/admin/users');
  if (!can(user, 'user:read')) return <AccessDenied what="user accounts" />;
  const users = await listUsers(user);
  return (
    <ListPage
      title="Users"
      intro="Everyone who can sign in to the admin area, and what they can do."
      add={can(user, 'user:create') ? { href: '/admin/users/new', label: 'Create a user' } : null}
      heading={`${users.length} ${users.length === 1 ? 'user' : 'users'}`}
      rows={users}
      rowKey={(u) => u.id}
      empty="No users yet."
      columns={[
        {
          header: 'Name',
          cell: (u) => (
            <>
              <RowLink href={`/admin/users/${u.id}`}>{u.name}</RowLink>
              {u.id === user.id && <span> (you)</span>}
            </>
          ),
        },
        { header: 'Email address', cell: (u) => u.email, className: 'break-all' },
        { header: 'Role', cell: (u) => ROLE_LABEL[u.role] },
        { header: 'Organisation', cell: (u) => u.organisation?.name ?? <Missing>None</Missing> },
        { header: 'Status', cell: (u) => (u.active ? 'Active' : <strong>Deactivated</strong>) },
        {
          header: 'Last signed in',
          cell: (u) =>
            u.lastLoginAt ? (
              <time dateTime={u.lastLoginAt.toISOString()}>{u.lastLoginAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}</time>
            ) : (
              'Never'
            ),
        },
      ]}
    />
  );
}
