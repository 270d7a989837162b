'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/state';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { boundFields, SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { createPerson } from '@/lib/actions/people/create-person';
import { updatePerson } from '@/lib/actions/people/update-person';

type Person = { id: string; name: string; jobTitle: string | null; organisationId: string | null };

/** Add a person (no `person`) or edit one. */
export function PersonForm({ person, organisations }: { person?: Person; organisations: Option[] }) {
  const action = (person ? updatePerson : createPerson) as (state: ActionState, form: FormData) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  const p = 'person';
  const field = boundFields(state, p);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} />
      <SuccessMessage state={state} />
      {person && <input type="hidden" name="id" value={person.id} />}
      <TextField {...field('name', person?.name)} label="Full name" autoComplete="off" spellCheck={false} />
      <TextField
        {...field('jobTitle', person?.jobTitle)}
        label="Job title (optional)"
        hint="As it should appear in the bulletin, for example Participation Manager"
      />
      <SelectField
        {...field('organisationId', person?.organisationId)}
        label="Organisation (optional)"
        emptyLabel="None"
        options={organisations}
      />
      <SubmitButton pendingText="Saving…">{person ? 'Save changes' : 'Add person'}</SubmitButton>
    </form>
  );
}
