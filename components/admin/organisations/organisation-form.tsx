'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, TextField } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
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
  return (
    <form action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} />
      <SuccessMessage state={state} />
      {organisation && <input type="hidden" name="id" value={organisation.id} />}
      <TextField
        idPrefix={p}
        name="name"
        label="Name"
        hint="The full name, for example Sandwell Children’s Trust"
        autoComplete="off"
        defaultValue={keptValue(state, 'name', organisation?.name)}
        error={fieldError(state, 'name')}
      />
      <TextField
        idPrefix={p}
        name="shortName"
        label="Short name (optional)"
        hint="For example SCT"
        autoComplete="off"
        defaultValue={keptValue(state, 'shortName', organisation?.shortName)}
        error={fieldError(state, 'shortName')}
      />
      <SelectField
        idPrefix={p}
        name="kind"
        label="Kind of organisation"
        emptyLabel={organisation ? undefined : 'Choose a kind'}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABEL[k] }))}
        defaultValue={keptValue(state, 'kind', organisation?.kind)}
        error={fieldError(state, 'kind')}
      />
      <TextField
        idPrefix={p}
        name="website"
        type="url"
        inputMode="url"
        spellCheck={false}
        label="Website (optional)"
        hint="Must start with https://"
        defaultValue={keptValue(state, 'website', organisation?.website)}
        error={fieldError(state, 'website')}
      />
      <SubmitButton pendingText="Saving…">{organisation ? 'Save changes' : 'Add organisation'}</SubmitButton>
    </form>
  );
}
