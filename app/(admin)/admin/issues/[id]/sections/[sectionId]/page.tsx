import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentsPanel } from '@/components/admin/comments/comments-panel';
import { SectionEditor } from '@/components/admin/editor/section-editor';
import { SectionEventsPanel } from '@/components/admin/events/section-events-panel';
import { LINK } from '@/components/admin/issues/styles';
import { BylinePanel } from '@/components/admin/sections/byline-panel';
import { SignatoryForm } from '@/components/admin/sections/signatory-form';
import { can, sectionEditPermission } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { organisationOptions } from '@/lib/data/organisations';
import { personOptions } from '@/lib/data/people';
import { getSectionForEdit } from '@/lib/data/sections';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Edit section' };

export default async function EditSectionPage({ params }: { params: Promise<{ id: string; sectionId: string }> }) {
  const { id, sectionId } = await params;
  const user = await requireUser(`/admin/issues/${id}/sections/${sectionId}`);
  if (!isUuidParam(id) || !isUuidParam(sectionId)) notFound();
  if (!can(user, 'section:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Edit section</h1>
        <p className="mt-4">You do not have permission to see this section.</p>
      </>
    );
  }
  const section = await getSectionForEdit(user, sectionId);
  if (!section || section.issueId !== id) notFound();
  const back = <p><Link href={`/admin/issues/${id}`} className={LINK}>Back to {section.issue.title}</Link></p>;
  if (!can(user, sectionEditPermission(section.kind))) {
    return (
      <>
        {back}
        <h1 className="mt-4 text-3xl font-bold">{section.title}</h1>
        <p className="mt-4">You can read this section but not edit it.</p>
        <CommentsPanel user={user} target={{ sectionId: section.id }} />
      </>
    );
  }
  const withBylines = section.kind === 'ARTICLE';
  const withSignatory = section.kind === 'INTRO';
  const [people, organisations] = await Promise.all([
    (withBylines || withSignatory) && can(user, 'person:read') ? personOptions(user) : [],
    withBylines && can(user, 'organisation:read') ? organisationOptions(user) : [],
  ]);
  return (
    <>
      {back}
      <h1 className="mt-4 text-3xl font-bold">Edit “{section.title}”</h1>
      <p className="mt-2 text-[var(--color-muted)]">
        Changes are saved automatically a few seconds after you stop typing.{' '}
        {can(user, 'revision:read') && (
          <Link href={`/admin/issues/${id}/sections/${section.id}/revisions`} className={LINK}>See earlier versions</Link>
        )}
      </p>
      {section.issue.status === 'PUBLISHED' && (
        // Decision 017: a live issue's edits are a pending revision, said before the first keystroke.
        <p id="live-issue-notice" className="mt-4 border-l-8 border-amber-600 bg-amber-50 p-4 font-bold">
          This issue is live. Your changes are saved as a draft and readers keep seeing the published version until you publish the changes
          {section.kind === 'INTRO' ? ', and the sponsor must approve the intro again.' : '.'}
        </p>
      )}
      <SectionEditor
        key={section.id}
        section={{ id: section.id, title: section.title, body: section.body, version: section.version }}
        byline={{ bylines: section.bylines, bylineOrganisation: section.bylineOrganisation, signOff: section.signOff, signatory: section.signatory }}
        canInsertImage={can(user, 'media:read')}
      />
      {withBylines && (
        <BylinePanel
          sectionId={section.id}
          initial={{ people: section.bylines.map((b) => b.person), organisationId: section.bylineOrganisationId }}
          people={people}
          organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
          canCreatePerson={can(user, 'person:create')}
        />
      )}
      {withSignatory && (
        <SignatoryForm
          sectionId={section.id}
          signatoryId={section.signatoryId}
          signOff={section.signOff}
          people={people.map((p) => ({ value: p.id, label: [p.name, p.jobTitle, p.organisation?.name].filter(Boolean).join(' – ') }))}
        />
      )}
      {section.kind === 'EVENT_LIST' && <SectionEventsPanel user={user} issueId={id} sectionId={section.id} />}
      <CommentsPanel user={user} target={{ sectionId: section.id }} />
    </>
  );
}
