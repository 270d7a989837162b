'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { setSectionSignatoryAction } from '@/lib/actions/sections/set-section-signatory';
import type { ActionState } from '@/lib/actions/state';

/** Who signs the intro, and the line above their name ("Kind regards"). */
export function SignatoryForm({
  sectionId,
  signatoryId,
  signOff,
  people,
}: {
  sectionId: string;
  signatoryId: string | null;
  signOff: string | null;
  people: Option[];
}) {
  const [state, formAction] = useActionState(
    setSectionSignatoryAction as (s: ActionState, f: FormData) => Promise<ActionState>,
    IDLE as ActionState,
  );
  const p = 'signatory';
  return (
    <section aria-labelledby={`${p}-heading`} className="mt-10 rounded border border-gray-400 p-4">
      <h2 id={`${p}-heading`} className="text-2xl font-bold">
        Sign-off
      </h2>
      <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-6">
        <ErrorSummary state={state} idPrefix={p} headingLevel={3} labels={{ signatoryId: 'Signed by', signOff: 'Sign-off' }} />
        <SuccessMessage state={state} />
        <input type="hidden" name="sectionId" value={sectionId} />
        <TextField
          idPrefix={p}
          name="signOff"
          label="Sign-off (optional)"
          hint="The line above the name, for example Kind regards"
          defaultValue={keptValue(state, 'signOff', signOff)}
          error={fieldError(state, 'signOff')}
        />
        <SelectField
          idPrefix={p}
          name="signatoryId"
          label="Signed by"
          emptyLabel="No one (no signature)"
          options={people}
          defaultValue={keptValue(state, 'signatoryId', signatoryId)}
          error={fieldError(state, 'signatoryId')}
        />
        <SubmitButton pendingText="Saving…">Save sign-off</SubmitButton>
      </form>
    </section>
  );
}
