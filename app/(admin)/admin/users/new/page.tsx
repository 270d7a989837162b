import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner } from '@/components/admin/forms/detail-page';
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
      <DetailBanner list={{ href: '/admin/users', label: 'Users' }} name="Create a user" />
      <CreateUserForm
        organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
        people={people.map((p) => ({ value: p.id, label: [p.name, p.organisation?.name].filter(Boolean).join(' – ') }))}
      />
    </>
  );
}
