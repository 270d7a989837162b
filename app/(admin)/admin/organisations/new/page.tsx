import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner } from '@/components/admin/forms/detail-page';
import { OrganisationForm } from '@/components/admin/organisations/organisation-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Add an organisation' };

export default async function NewOrganisationPage() {
  const user = await requireUser('/admin/organisations/new');
  if (!can(user, 'organisation:create')) return <AccessDenied what="the form for adding organisations" />;
  return (
    <>
      <DetailBanner list={{ href: '/admin/organisations', label: 'Organisations' }} name="Add an organisation" />
      <OrganisationForm />
    </>
  );
}
