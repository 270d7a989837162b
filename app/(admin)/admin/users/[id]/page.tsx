import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailList, DetailSection } from '@/components/admin/forms/detail-page';
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

const DONE: Record<string, string> = { created: 'User created. Give them their initial password securely.' };

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
      <DetailBanner list={{ href: '/admin/users', label: 'Users' }} name={account.name} done={done} messages={DONE} />
      <DetailList
        className="mt-6"
        items={[
          { term: 'Email address', value: account.email, breakAll: true },
          { term: 'Role', value: ROLE_LABEL[account.role] },
          { term: 'Status', value: account.active ? 'Active' : 'Deactivated: cannot sign in' },
          {
            term: 'Last signed in',
            value: account.lastLoginAt ? account.lastLoginAt.toLocaleString('en-GB', { timeZone: 'Europe/London' }) : 'Never',
          },
        ]}
      />
      {canUpdate && (
        <>
          <DetailSection id="details" title="Details">
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
          </DetailSection>
          <DetailSection id="role" title="Role">
            {self ? (
              <p className="mt-2 max-w-2xl">You cannot change your own role. Ask another administrator.</p>
            ) : (
              <UserRoleForm id={account.id} role={account.role} />
            )}
          </DetailSection>
          <DetailSection id="password" title="Reset password">
            <ResetPasswordForm id={account.id} />
          </DetailSection>
          <DetailSection id="status" title={account.active ? 'Deactivate account' : 'Reactivate account'}>
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
          </DetailSection>
        </>
      )}
    </>
  );
}
