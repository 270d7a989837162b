import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { CreateUserForm } from '@/components/admin/users/create-user-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { organisationOptions } from '@/lib/data/organisations';
import { personOptions } from '@/lib/data/people';

export const metadata: Metadata = { title: 'Create a user' };

export default async function NewUserPage() {
  const user = await requireUser('/admin/users/new');
  if (!can(user, 'user:create')) return <AccessDenied what="the form for creating users" />;
  const [organisations, people] = await Promise.all([organisationOptions(user), personOptions(user)]);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/users', label: 'Users' },
          { label: 'Create a user' },
        ]}
      />
      <h1 className="text-3xl font-bold">Create a user</h1>
      <CreateUserForm
        organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        people={people.map((p) => ({ value: p.id, label: [p.name, p.organisation?.name].filter(Boolean).join(' – ') }))}
      />
    </>
  );
}
