import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteEventForm } from '@/components/admin/events/delete-event-form';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getEventForEdit } from '@/lib/data/events-admin';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Delete event' };

/** The confirmation step of deleting an event. */
export default async function DeleteEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/events/${id}/delete`);
  if (!can(user, 'event:delete') || !can(user, 'event:read')) return <AccessDenied what="this page" />;
  if (!isUuidParam(id)) notFound();
  const event = await getEventForEdit(user, id);
  if (!event) notFound();
  const drafts = [...new Set(event.sections.map((s) => s.section.issue.title))];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/events', label: 'Events' },
          { href: `/admin/events/${event.id}`, label: event.title },
          { label: 'Delete' },
        ]}
      />
      <h1 className="text-3xl font-bold">Are you sure you want to delete “{event.title}”?</h1>
      <p className="mt-4 max-w-2xl">
        {drafts.length
          ? `It will also be removed from ${drafts.map((t) => `“${t}”`).join(', ')}. `
          : ''}
        This cannot be undone, but its details are kept in the revision history.
      </p>
      <DeleteEventForm id={event.id} title={event.title} />
      <p className="mt-6">
        <Link href={`/admin/events/${event.id}`} className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
          No, go back to the event
        </Link>
      </p>
    </>
  );
}
