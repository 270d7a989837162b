'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';

/**
 * Merges this record (the duplicate, `sourceId`) into another chosen from `others`
 * (`targetId`); used for people and organisations, each with its own action and hint.
 */
export function MergeForm<T>({
  action,
  id,
  name,
  others,
  emptyLabel,
  hint,
}: {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  id: string;
  name: string;
  others: Option[];
  emptyLabel: string;
  hint: string;
}) {
  const [state, formAction] = useActionState(action, IDLE as ActionState<T>);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="merge" headingLevel={3} />
      <input type="hidden" name="sourceId" value={id} />
      <SelectField
        idPrefix="merge"
        name="targetId"
        label={`Merge ${name} into`}
        hint={hint}
        emptyLabel={emptyLabel}
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
