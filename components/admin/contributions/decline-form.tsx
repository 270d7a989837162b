'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { FieldChrome, inputClass, SubmitButton } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { declineContributionAction } from '@/lib/actions/contributions/decline-contribution';
import type { ActionState } from '@/lib/actions/state';

/** Declines a submission with a reason the contributor will see. */
export function DeclineForm({ id, version }: { id: string; version: number }) {
  const [state, formAction] = useActionState(
    declineContributionAction as (state: ActionState, form: FormData) => Promise<ActionState>,
    IDLE as ActionState,
  );
  const p = 'decline';
  const error = fieldError(state, 'reason');
  const fieldId = `${p}-reason`;
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix={p} headingLevel={3} labels={{ reason: 'Reason' }} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FieldChrome id={fieldId} label="Reason for declining" hint="The contributor will see this, so explain what they could do instead." error={error}>
        <textarea
          id={fieldId}
          name="reason"
          rows={4}
          defaultValue={keptValue(state, 'reason')}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${fieldId}-hint`, error ? `${fieldId}-error` : null].filter(Boolean).join(' ')}
          className={`${inputClass} py-2`}
        />
      </FieldChrome>
      <SubmitButton variant="warning" pendingText="Declining…">
        Decline submission
      </SubmitButton>
    </form>
  );
}
