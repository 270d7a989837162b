import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner } from '@/components/admin/forms/detail-page';
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
      <DetailBanner list={{ href: '/admin/people', label: 'People' }} name="Add a person" />
      <PersonForm organisations={organisations.map((o) => ({ value: o.id, label: o.name }))} />
    </>
  );
}
