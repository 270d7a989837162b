'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { withdrawContributionAction } from '@/lib/actions/contributions/withdraw-contribution';
import type { ActionState } from '@/lib/actions/state';

/** Withdraws one's own submission while it is still waiting. */
export function WithdrawForm({ id, version }: { id: string; version: number }) {
  const [state, formAction] = useActionState(
    withdrawContributionAction as (state: ActionState, form: FormData) => Promise<ActionState>,
    IDLE as ActionState,
  );
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <ErrorSummary state={state} headingLevel={3} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="warning" pendingText="Withdrawing…">
        Withdraw this submission
      </SubmitButton>
    </form>
  );
}
