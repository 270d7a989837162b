'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { createUser } from '@/lib/actions/users/create-user';
import { PASSWORD_MIN_LENGTH, ROLE_LABEL, USER_ROLES } from '@/lib/validation/users';

export const roleOptions: Option[] = USER_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export function CreateUserForm({ organisations, people }: { organisations: Option[]; people: Option[] }) {
  const [state, formAction] = useActionState(createUser, IDLE);
  const p = 'user';
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} />
      <TextField
        idPrefix={p}
        name="name"
        label="Full name"
        autoComplete="off"
        defaultValue={keptValue(state, 'name')}
        error={fieldError(state, 'name')}
      />
      <TextField
        idPrefix={p}
        name="email"
        type="email"
        label="Email address"
        autoComplete="off"
        spellCheck={false}
        defaultValue={keptValue(state, 'email')}
        error={fieldError(state, 'email')}
      />
      <SelectField
        idPrefix={p}
        name="role"
        label="Role"
        emptyLabel="Choose a role"
        options={roleOptions}
        defaultValue={keptValue(state, 'role')}
        error={fieldError(state, 'role')}
      />
      <SelectField
        idPrefix={p}
        name="organisationId"
        label="Organisation (optional)"
        emptyLabel="None"
        options={organisations}
        defaultValue={keptValue(state, 'organisationId')}
        error={fieldError(state, 'organisationId')}
      />
      <SelectField
        idPrefix={p}
        name="personId"
        label="Linked person (optional)"
        hint="The person record for this user, if they are named in the bulletin"
        emptyLabel="None"
        options={people}
        defaultValue={keptValue(state, 'personId')}
        error={fieldError(state, 'personId')}
      />
      <TextField
        idPrefix={p}
        name="password"
        type="password"
        autoComplete="new-password"
        label="Initial password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to the user securely; they should change it.`}
        error={fieldError(state, 'password')}
      />
      <SubmitButton pendingText="Creating…">Create user</SubmitButton>
    </form>
  );
}
