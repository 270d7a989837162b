'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { boundFields, SelectField, SubmitButton, TextField } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';
import { createOrganisation } from '@/lib/actions/organisations/create-organisation';
import { updateOrganisation } from '@/lib/actions/organisations/update-organisation';
import { ORGANISATION_KIND_LABEL, ORGANISATION_KINDS } from '@/lib/validation/organisations';

type Organisation = { id: string; name: string; shortName: string | null; kind: string; website: string | null };

/** Add an organisation (no `organisation`) or edit one. */
export function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const action = (organisation ? updateOrganisation : createOrganisation) as (
    state: ActionState,
    form: FormData,
  ) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  const p = 'organisation';
  const field = boundFields(state, p);
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} />
      <SuccessMessage state={state} />
      {organisation && <input type="hidden" name="id" value={organisation.id} />}
      <TextField
        {...field('name', organisation?.name)}
        label="Name"
        hint="The full name, for example Sandwell Children’s Trust"
        autoComplete="off"
      />
      <TextField
        {...field('shortName', organisation?.shortName)}
        label="Short name (optional)"
        hint="For example SCT"
        autoComplete="off"
      />
      <SelectField
        {...field('kind', organisation?.kind)}
        label="Kind of organisation"
        emptyLabel={organisation ? undefined : 'Choose a kind'}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABEL[k] }))}
      />
      <TextField
        {...field('website', organisation?.website)}
        type="url"
        inputMode="url"
        spellCheck={false}
        label="Website (optional)"
        hint="Must start with https://"
      />
      <SubmitButton pendingText="Saving…">{organisation ? 'Save changes' : 'Add organisation'}</SubmitButton>
    </form>
  );
}
