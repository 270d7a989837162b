import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { ResetPasswordForm } from '@/components/admin/users/reset-password-form';
import { UserProfileForm } from '@/components/admin/users/user-profile-form';
import { UserRoleForm } from '@/components/admin/users/user-role-form';
import { UserStatusForm } from '@/components/admin/users/user-status-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { organisationOptions } from '@/lib/data/organisations';
import { personOptions } from '@/lib/data/people';
import { getUser } from '@/lib/data/users';
import { ROLE_LABEL } from '@/lib/validation/users';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'User' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/users/${id}`);
  if (!can(user, 'user:read')) return <AccessDenied what="user accounts" />;
  if (!isUuidParam(id)) notFound();
  const account = await getUser(user, id);
  if (!account) notFound();
  const done = (await searchParams).done;
  const canUpdate = can(user, 'user:update');
  const self = account.id === user.id;
  const [organisations, people] = canUpdate
    ? await Promise.all([organisationOptions(user), personOptions(user)])
    : [[], []];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/users', label: 'Users' },
          { label: account.name },
        ]}
      />
      <h1 className="text-3xl font-bold">{account.name}</h1>
      <DoneBanner message={done === 'created' ? 'User created. Give them their initial password securely.' : null} />
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">Email address</dt>
        <dd className="break-all">{account.email}</dd>
        <dt className="font-bold">Role</dt>
        <dd>{ROLE_LABEL[account.role]}</dd>
        <dt className="font-bold">Status</dt>
        <dd>{account.active ? 'Active' : 'Deactivated: cannot sign in'}</dd>
        <dt className="font-bold">Last signed in</dt>
        <dd>
          {account.lastLoginAt ? account.lastLoginAt.toLocaleString('en-GB', { timeZone: 'Europe/London' }) : 'Never'}
        </dd>
      </dl>
      {canUpdate && (
        <>
          <section aria-labelledby="details-heading" className="mt-10">
            <h2 id="details-heading" className="text-2xl font-bold">
              Details
            </h2>
            <UserProfileForm
              user={{
                id: account.id,
                name: account.name,
                organisationId: account.organisation?.id ?? null,
                personId: account.person?.id ?? null,
              }}
              organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
              people={people.map((p) => ({
                value: p.id,
                label: [p.name, p.organisation?.name].filter(Boolean).join(' – '),
              }))}
            />
          </section>
          <section aria-labelledby="role-heading" className="mt-10">
            <h2 id="role-heading" className="text-2xl font-bold">
              Role
            </h2>
            {self ? (
              <p className="mt-2 max-w-2xl">You cannot change your own role. Ask another administrator.</p>
            ) : (
              <UserRoleForm id={account.id} role={account.role} />
            )}
          </section>
          <section aria-labelledby="password-heading" className="mt-10">
            <h2 id="password-heading" className="text-2xl font-bold">
              Reset password
            </h2>
            <ResetPasswordForm id={account.id} />
          </section>
          <section aria-labelledby="status-heading" className="mt-10">
            <h2 id="status-heading" className="text-2xl font-bold">
              {account.active ? 'Deactivate account' : 'Reactivate account'}
            </h2>
            {self ? (
              <p className="mt-2 max-w-2xl">You cannot deactivate your own account. Ask another administrator.</p>
            ) : (
              <>
                <p className="mt-2 max-w-2xl">
                  {account.active
                    ? `${account.name} will be signed out everywhere and will not be able to sign in until reactivated.`
                    : `${account.name} will be able to sign in again with their existing password.`}
                </p>
                <UserStatusForm id={account.id} name={account.name} active={account.active} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
