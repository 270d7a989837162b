'use client';

import { useActionState } from 'react';
import { idle } from './idle';
import { deleteSectionAction } from '@/lib/actions/sections/delete-section';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { DANGER } from './styles';

/** The second, explicit step of deleting a section. */
export function DeleteSectionForm({ sectionId, title }: { sectionId: string; title: string }) {
  const [state, formAction, pending] = useActionState(deleteSectionAction, idle<never>());
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" disabled={pending} className={DANGER}>
        {pending ? 'Deleting…' : 'Yes, delete'}<span className="sr-only"> “{title}”</span>
      </button>
    </form>
  );
}
