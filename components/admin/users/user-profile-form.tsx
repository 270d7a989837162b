'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { boundFields, SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
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
  const field = boundFields(state, p);
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={user.id} />
      <TextField {...field('name', user.name)} label="Full name" autoComplete="off" />
      <SelectField
        {...field('organisationId', user.organisationId)}
        label="Organisation (optional)"
        emptyLabel="None"
        options={organisations}
      />
      <SelectField
        {...field('personId', user.personId)}
        label="Linked person (optional)"
        emptyLabel="None"
        options={people}
      />
      <SubmitButton pendingText="Saving…">Save details</SubmitButton>
    </form>
  );
}
