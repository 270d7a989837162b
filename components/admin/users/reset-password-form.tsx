'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton, TextField } from '@/components/admin/forms/fields';
import { fieldError, IDLE } from '@/components/admin/forms/form-state';
import { resetUserPassword } from '@/lib/actions/users/reset-user-password';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/users';

export function ResetPasswordForm({ id }: { id: string }) {
  const [state, formAction] = useActionState(resetUserPassword, IDLE);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="reset" headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <TextField
        idPrefix="reset"
        name="password"
        type="password"
        autoComplete="new-password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. The user is signed out everywhere.`}
        error={fieldError(state, 'password')}
      />
      <SubmitButton pendingText="Resetting…">Reset password</SubmitButton>
    </form>
  );
}
