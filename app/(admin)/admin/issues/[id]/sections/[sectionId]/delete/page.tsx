import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteSectionForm } from '@/components/admin/issues/delete-section-form';
import { LINK } from '@/components/admin/issues/styles';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getSectionForEdit } from '@/lib/data/sections';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Delete section' };

export default async function DeleteSectionPage({ params }: { params: Promise<{ id: string; sectionId: string }> }) {
  const { id, sectionId } = await params;
  const user = await requireUser(`/admin/issues/${id}/sections/${sectionId}/delete`);
  if (!isUuidParam(id) || !isUuidParam(sectionId)) notFound();
  if (!can(user, 'section:delete') || !can(user, 'section:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Delete section</h1>
        <p className="mt-4">You do not have permission to delete sections.</p>
      </>
    );
  }
  const section = await getSectionForEdit(user, sectionId);
  if (!section || section.issueId !== id) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">Are you sure you want to delete “{section.title}”?</h1>
      <p className="mt-4">
        It will be removed from {section.issue.title}. Its last text is kept in the revision history.
      </p>
      <DeleteSectionForm sectionId={section.id} title={section.title} />
      <p className="mt-6"><Link href={`/admin/issues/${id}`} className={LINK}>No, go back to the issue</Link></p>
    </>
  );
}
