'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { mergePeople } from '@/lib/actions/people/merge-people';

/** Merges this person (the duplicate) into another, chosen from the list. */
export function MergePersonForm({ id, name, others }: { id: string; name: string; others: Option[] }) {
  const [state, formAction] = useActionState(mergePeople, IDLE);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="merge" headingLevel={3} />
      <input type="hidden" name="sourceId" value={id} />
      <SelectField
        idPrefix="merge"
        name="targetId"
        label={`Merge ${name} into`}
        hint={`${name} will be deleted. Their bylines, presenter entries, intro signatures and user account (if the other person has none) move to the person you choose.`}
        emptyLabel="Choose a person"
        options={others}
        defaultValue={keptValue(state, 'targetId')}
        error={fieldError(state, 'targetId')}
      />
      <SubmitButton variant="warning" pendingText="Merging…">
        Merge and delete {name}
      </SubmitButton>
    </form>
  );
}
