import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionForm } from '@/components/admin/issues/restore-revision-form';
import { LINK } from '@/components/admin/issues/styles';
import { sectionPlainText, TextDiff } from '@/components/admin/issues/text-diff';
import { can, sectionEditPermission } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listSectionRevisions } from '@/lib/data/revisions';
import { getSectionForEdit } from '@/lib/data/sections';
import { isUuidParam } from '@/lib/validation/params';
import { formatDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: 'Revisions' };

const when = (d: Date) => formatDateTime(d);

export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ id: string; sectionId: string }>; searchParams: Promise<{ restored?: string }> }) {
  const { id, sectionId } = await params;
  const { restored } = await searchParams;
  const user = await requireUser(`/admin/issues/${id}/sections/${sectionId}/revisions`);
  if (!isUuidParam(id) || !isUuidParam(sectionId)) notFound();
  if (!can(user, 'revision:read') || !can(user, 'section:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Revisions</h1>
        <p className="mt-4">You do not have permission to see revision history.</p>
      </>
    );
  }
  const section = await getSectionForEdit(user, sectionId);
  if (!section || section.issueId !== id) notFound();
  const revisions = await listSectionRevisions(user, section.id);
  const current = sectionPlainText(section.title, section.body);
  const canRestore = can(user, 'revision:restore') && can(user, sectionEditPermission(section.kind));

  return (
    <>
      <p><Link href={`/admin/issues/${id}`} className={LINK}>Back to {section.issue.title}</Link></p>
      <h1 className="mt-4 text-3xl font-bold">Revisions of “{section.title}”</h1>
      <p className="mt-2">
        The section is at version {section.version}.{' '}
        {can(user, sectionEditPermission(section.kind)) && <Link href={`/admin/issues/${id}/sections/${section.id}`} className={LINK}>Edit the section</Link>}
      </p>
      {restored && <p role="status" className="mt-4 border-l-8 border-green-700 bg-green-50 p-4">Restored. The section is now at version {restored}.</p>}
      {revisions.length === 0 ? (
        <p className="mt-6">No revisions have been saved yet.</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {revisions.map((r) => {
            const note = r.data.rejected
              ? ' – not applied: someone else had saved first'
              : r.data.restoredFrom
                ? ' – restored from an earlier revision'
                : r.data.deleted
                  ? ' – text when the section was deleted'
                  : '';
            const label = `Version ${r.version}${r.data.rejected ? ' (unsaved draft)' : ''}, by ${r.author?.name ?? 'a former user'}, ${when(r.createdAt)}`;
            return (
              <li key={r.id} className="rounded border border-gray-400 p-4">
                <h2 className="text-lg font-bold">
                  {label}
                  <span className="font-normal">{note}</span>
                </h2>
                <details className="mt-2">
                  <summary className="cursor-pointer text-[var(--color-brand)] underline">
                    Compare with the current text<span className="sr-only">: {label}</span>
                  </summary>
                  <p className="mt-2 text-[var(--color-muted)]">
                    <del className="line-through">Struck through</del>: only in this revision. <ins className="underline">Underlined</ins>: added since.
                  </p>
                  <div className="mt-2">
                    <TextDiff from={sectionPlainText(r.data.title, r.data.body)} to={current} />
                  </div>
                </details>
                {canRestore && <RestoreRevisionForm revisionId={r.id} label={`Restore ${label}`} />}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
