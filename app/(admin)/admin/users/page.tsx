import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
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
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'Users' }]} />
      <h1 className="text-3xl font-bold">Users</h1>
      <p className="mt-2 max-w-2xl">Everyone who can sign in to the admin area, and what they can do.</p>
      {can(user, 'user:create') && (
        <p className="mt-6">
          <Link
            href="/admin/users/new"
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            Create a user
          </Link>
        </p>
      )}
      <h2 id="users-heading" className="mt-8 text-2xl font-bold">
        {users.length} {users.length === 1 ? 'user' : 'users'}
      </h2>
      <table className="mt-4 w-full border-collapse text-left" aria-labelledby="users-heading">
        <thead>
          <tr className="border-b-2 border-gray-800">
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Email address
            </th>
            <th scope="col" className="py-2 pr-4">
              Role
            </th>
            <th scope="col" className="py-2 pr-4">
              Organisation
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Last signed in
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-gray-300">
              <td className="py-2 pr-4">
                <Link
                  href={`/admin/users/${u.id}`}
                  className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline"
                >
                  {u.name}
                </Link>
                {u.id === user.id && <span> (you)</span>}
              </td>
              <td className="py-2 pr-4 break-all">{u.email}</td>
              <td className="py-2 pr-4">{ROLE_LABEL[u.role]}</td>
              <td className="py-2 pr-4">
                {u.organisation?.name ?? <span className="text-[var(--color-muted)]">None</span>}
              </td>
              <td className="py-2 pr-4">{u.active ? 'Active' : <strong>Deactivated</strong>}</td>
              <td className="py-2 pr-4">
                {u.lastLoginAt ? (
                  <time dateTime={u.lastLoginAt.toISOString()}>
                    {u.lastLoginAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
                  </time>
                ) : (
                  'Never'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
