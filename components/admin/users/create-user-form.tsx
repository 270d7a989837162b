'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { boundFields, SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE } from '@/components/admin/forms/form-state';
import { createUser } from '@/lib/actions/users/create-user';
import { PASSWORD_MIN_LENGTH, ROLE_LABEL, USER_ROLES } from '@/lib/validation/users';

export const roleOptions: Option[] = USER_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export function CreateUserForm({ organisations, people }: { organisations: Option[]; people: Option[] }) {
  const [state, formAction] = useActionState(createUser, IDLE);
  const p = 'user';
  const field = boundFields(state, p);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} />
      <TextField {...field('name')} label="Full name" autoComplete="off" />
      <TextField {...field('email')} type="email" label="Email address" autoComplete="off" spellCheck={false} />
      <SelectField {...field('role')} label="Role" emptyLabel="Choose a role" options={roleOptions} />
      <SelectField
        {...field('organisationId')}
        label="Organisation (optional)"
        emptyLabel="None"
        options={organisations}
      />
      <SelectField
        {...field('personId')}
        label="Linked person (optional)"
        hint="The person record for this user, if they are named in the bulletin"
        emptyLabel="None"
        options={people}
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
