'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { updateUserProfile } from '@/lib/actions/users/update-user-profile';

type Profile = { id: string; name: string; organisationId: string | null; personId: string | null };

export function UserProfileForm({
  user,
  organisations,
  people,
}: {
  user: Profile;
  organisations: Option[];
  people: Option[];
}) {
  const [state, formAction] = useActionState(updateUserProfile, IDLE);
  const p = 'profile';
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={user.id} />
      <TextField
        idPrefix={p}
        name="name"
        label="Full name"
        autoComplete="off"
        defaultValue={keptValue(state, 'name', user.name)}
        error={fieldError(state, 'name')}
      />
      <SelectField
        idPrefix={p}
        name="organisationId"
        label="Organisation (optional)"
        emptyLabel="None"
        options={organisations}
        defaultValue={keptValue(state, 'organisationId', user.organisationId)}
        error={fieldError(state, 'organisationId')}
      />
      <SelectField
        idPrefix={p}
        name="personId"
        label="Linked person (optional)"
        emptyLabel="None"
        options={people}
        defaultValue={keptValue(state, 'personId', user.personId)}
        error={fieldError(state, 'personId')}
      />
      <SubmitButton pendingText="Saving…">Save details</SubmitButton>
    </form>
  );
}
