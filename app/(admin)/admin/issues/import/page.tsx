import type { Metadata } from 'next';
import Link from 'next/link';
import { BatchForm } from '@/components/admin/import/batch-form';
import { ImportWorkspace } from '@/components/admin/import/import-workspace';
import { LINK } from '@/components/admin/issues/styles';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Import a bulletin' };

export default async function ImportBulletinPage() {
  const user = await requireUser('/admin/issues/import');
  if (!can(user, 'issue:create') || !can(user, 'section:create') || !can(user, 'event:create')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Import a bulletin</h1>
        <p className="mt-4">You do not have permission to create issues.</p>
      </>
    );
  }
  return (
    <>
      <p><Link href="/admin/issues" className={LINK}>Back to issues</Link></p>
      <h1 className="mt-4 text-3xl font-bold">Import a bulletin</h1>
      <p className="mt-2 max-w-3xl">
        Bring in an existing bulletin: paste its text (or its HTML from a web page or Word), or upload it. You then see what the importer
        made of each part, with its guesses marked, and can correct them before a draft issue is created.
      </p>
      <ImportWorkspace />
      <BatchForm />
    </>
  );
}
