'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { changeUserRole } from '@/lib/actions/users/change-user-role';
import { ROLE_LABEL, USER_ROLES } from '@/lib/validation/users';

export function UserRoleForm({ id, role }: { id: string; role: string }) {
  const [state, formAction] = useActionState(changeUserRole, IDLE);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="role" headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SelectField
        idPrefix="role"
        name="role"
        label="Role"
        hint="Changing the role signs the user out everywhere."
        options={USER_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        defaultValue={keptValue(state, 'role', role)}
        error={fieldError(state, 'role')}
      />
      <SubmitButton pendingText="Saving…">Change role</SubmitButton>
    </form>
  );
}
