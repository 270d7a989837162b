'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';
import { deactivateUser } from '@/lib/actions/users/deactivate-user';
import { reactivateUser } from '@/lib/actions/users/reactivate-user';

/** Deactivate an active account, or reactivate an inactive one. */
export function UserStatusForm({ id, name, active }: { id: string; name: string; active: boolean }) {
  const action = (active ? deactivateUser : reactivateUser) as (
    state: ActionState,
    form: FormData,
  ) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  return (
    <form action={formAction} className="mt-4 max-w-2xl">
      <ErrorSummary state={state} idPrefix="status" headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={id} />
      {active ? (
        <SubmitButton variant="warning" pendingText="Deactivating…">
          Deactivate {name}
        </SubmitButton>
      ) : (
        <SubmitButton pendingText="Reactivating…">Reactivate {name}</SubmitButton>
      )}
    </form>
  );
}
