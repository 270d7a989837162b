'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { mergeOrganisations } from '@/lib/actions/organisations/merge-organisations';

/** Merges this organisation (the duplicate) into another. */
export function MergeOrganisationForm({ id, name, others }: { id: string; name: string; others: Option[] }) {
  const [state, formAction] = useActionState(mergeOrganisations, IDLE);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="merge" headingLevel={3} />
      <input type="hidden" name="sourceId" value={id} />
      <SelectField
        idPrefix="merge"
        name="targetId"
        label={`Merge ${name} into`}
        hint={`${name} will be deleted. Its people, users, events it organises and section bylines move to the organisation you choose.`}
        emptyLabel="Choose an organisation"
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
