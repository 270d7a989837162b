import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { PersonForm } from '@/components/admin/people/person-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { organisationOptions } from '@/lib/data/organisations';

export const metadata: Metadata = { title: 'Add a person' };

export default async function NewPersonPage() {
  const user = await requireUser('/admin/people/new');
  if (!can(user, 'person:create')) return <AccessDenied what="the form for adding people" />;
  const organisations = await organisationOptions(user);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/people', label: 'People' },
          { label: 'Add a person' },
        ]}
      />
      <h1 className="text-3xl font-bold">Add a person</h1>
      <PersonForm organisations={organisations.map((o) => ({ value: o.id, label: o.name }))} />
    </>
  );
}
