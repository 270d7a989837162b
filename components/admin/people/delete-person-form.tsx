'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { deletePerson } from '@/lib/actions/people/delete-person';

export function DeletePersonForm({ id, name }: { id: string; name: string }) {
  const [state, formAction] = useActionState(deletePerson, IDLE);
  return (
    <form action={formAction} className="mt-4">
      <ErrorSummary state={state} idPrefix="delete" headingLevel={3} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="warning" pendingText="Deleting…">
        Delete {name}
      </SubmitButton>
    </form>
  );
}
