'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { ErrorText, inputClass, SubmitButton, TextField } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { applySubscriberImportAction } from '@/lib/actions/subscribers/apply-import';
import { discardSubscriberImportAction } from '@/lib/actions/subscribers/discard-import';
import { previewSubscriberImport } from '@/lib/actions/subscribers/preview-import';
import { fieldError } from '@/lib/actions/state';
import {
  CURRENT_IMPORT_DECLARATION,
  IMPORT_ACCEPT,
  IMPORT_DECLARATIONS,
  IMPORT_MAX_ROWS,
} from '@/lib/validation/subscriber-import';

// The subscriber import's forms: choose the file (step 1), then add or discard the
// preview (step 2). Each works without JavaScript; the actions redirect on success.

export function SubscriberImportUpload() {
  const [state, formAction] = useActionState(previewSubscriberImport, IDLE);
  const hint = `A .csv file with a heading row naming an “email” column (also read: “new_issues” yes or no, “events_digest” none, weekly or monthly). Commas, semicolons or tabs; at most ${IMPORT_MAX_ROWS.toLocaleString('en-GB')} rows. Nothing is added until you have checked the preview.`;
  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-6">
      <ErrorSummary state={state} idPrefix="subscriber-import" />
      <TextField
        idPrefix="subscriber-import"
        name="file"
        type="file"
        accept={IMPORT_ACCEPT}
        label="CSV file of subscribers"
        hint={hint}
        error={fieldError(state, 'file')}
        className={`${inputClass} py-2`}
      />
      <SubmitButton pendingText="Reading the file…">Check the file</SubmitButton>
    </form>
  );
}

export function ApplySubscriberImportForm({ id, count }: { id: string; count: number }) {
  const [state, formAction] = useActionState(applySubscriberImportAction, IDLE);
  const error = fieldError(state, 'declaration');
  const fieldId = 'subscriber-apply-declaration';
  return (
    <form action={formAction} className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix="subscriber-apply" headingLevel={3} />
      <input type="hidden" name="id" value={id} />
      <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <ErrorText id={`${fieldId}-error`} error={error} />
        <div className="flex items-start gap-3">
          <input
            id={fieldId}
            name="declaration"
            type="checkbox"
            value={CURRENT_IMPORT_DECLARATION}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            className="mt-1 h-6 w-6 shrink-0"
          />
          <label htmlFor={fieldId}>{IMPORT_DECLARATIONS[CURRENT_IMPORT_DECLARATION]}</label>
        </div>
      </div>
      <p>They are added as confirmed subscribers and get no confirmation email. Your name and this statement are kept as their consent.</p>
      <SubmitButton pendingText="Adding…">
        Add {count.toLocaleString('en-GB')} {count === 1 ? 'subscriber' : 'subscribers'}
      </SubmitButton>
    </form>
  );
}

export function DiscardSubscriberImportForm({ id }: { id: string }) {
  const [state, formAction] = useActionState(discardSubscriberImportAction, IDLE);
  return (
    <form action={formAction} className="mt-4">
      <ErrorSummary state={state} idPrefix="subscriber-discard" headingLevel={3} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="Discarding…">
        Discard this import
      </SubmitButton>
    </form>
  );
}
