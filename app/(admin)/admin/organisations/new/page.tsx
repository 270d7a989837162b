import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { OrganisationForm } from '@/components/admin/organisations/organisation-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Add an organisation' };

export default async function NewOrganisationPage() {
  const user = await requireUser('/admin/organisations/new');
  if (!can(user, 'organisation:create')) return <AccessDenied what="the form for adding organisations" />;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/organisations', label: 'Organisations' },
          { label: 'Add an organisation' },
        ]}
      />
      <h1 className="text-3xl font-bold">Add an organisation</h1>
      <OrganisationForm />
    </>
  );
}
