'use client';

import { useActionState, useRef, useState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { FieldChrome, inputClass, SelectField, SubmitButton, TextField } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { updateIssueAction } from '@/lib/actions/issues/update-issue';
import type { ActionState } from '@/lib/actions/state';
import { MONTH_NAMES } from '@/lib/issues/template';

export type IssueDetailsValues = { title: string; slug: string; year: number; month: number; summary: string; version: number };

const MONTHS = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));
const BUTTON = 'min-h-11 rounded border-2 border-gray-800 bg-white px-4 font-bold text-gray-900 hover:bg-gray-100';

/**
 * Title, slug, month and summary of an issue. Saves with the version it was
 * loaded with; if someone else saved in between, both versions are shown and the
 * user chooses (their own text stays in the form either way).
 */
export function IssueDetailsForm({ id, issue, published }: { id: string; issue: IssueDetailsValues; published: boolean }) {
  const [version, setVersion] = useState(issue.version);
  const [conflict, setConflict] = useState<IssueDetailsValues | null>(null);
  // "Use their details" refills the form: a new key remounts the fields with these defaults.
  const [override, setOverride] = useState<{ key: number; values: IssueDetailsValues } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);

  const [state, formAction] = useActionState(async (previous: ActionState<{ version: number }>, form: FormData) => {
    const result = await updateIssueAction(previous, form);
    if (result.status === 'success' && result.data) {
      setVersion(result.data.version);
      setConflict(null);
      setOverride(null);
    } else if (result.status === 'error' && result.code === 409 && result.data) {
      setConflict(result.data as IssueDetailsValues);
      requestAnimationFrame(() => conflictRef.current?.focus());
    }
    return result;
  }, IDLE as ActionState<{ version: number }>);

  const value = (name: 'title' | 'slug' | 'year' | 'month' | 'summary') =>
    override ? String(override.values[name]) : keptValue(state, name, String(issue[name]));
  const p = 'issue';
  const isConflict = state.status === 'error' && state.code === 409 && conflict;

  return (
    <>
      {isConflict && (
        <section aria-labelledby={`${p}-conflict`} className="mt-6 border-l-8 border-red-700 bg-red-50 p-4">
          <h3 id={`${p}-conflict`} ref={conflictRef} tabIndex={-1} className="text-xl font-bold">
            Someone else changed these details while you were editing
          </h3>
          <p className="mt-2">Their version ({conflict.version}) is below. Your changes are still in the form and have not been saved.</p>
          <dl className="mt-3 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
            <dt className="font-bold">Title</dt>
            <dd>{conflict.title}</dd>
            <dt className="font-bold">Slug</dt>
            <dd>{conflict.slug}</dd>
            <dt className="font-bold">Month</dt>
            <dd>
              {MONTH_NAMES[conflict.month - 1]} {conflict.year}
            </dd>
            <dt className="font-bold">Summary</dt>
            <dd>{conflict.summary || 'None'}</dd>
          </dl>
          <div className="mt-4 flex flex-wrap gap-4">
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setVersion(conflict.version);
                setConflict(null);
                // Submit on the next render, once the hidden version has the new value.
                requestAnimationFrame(() => formRef.current?.requestSubmit());
              }}
            >
              Save my version instead
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setVersion(conflict.version);
                setOverride({ key: Date.now(), values: conflict });
                setConflict(null);
              }}
            >
              Use their version
            </button>
          </div>
        </section>
      )}
      <form ref={formRef} key={override?.key ?? 0} action={formAction} noValidate className="mt-6 max-w-2xl space-y-6">
        {!isConflict && <ErrorSummary state={state} idPrefix={p} headingLevel={3} labels={{ title: 'Title', slug: 'Slug', year: 'Year', month: 'Month', summary: 'Summary' }} />}
        {override ? (
          <div role="status" className="mb-6 border-l-8 border-green-700 bg-green-50 p-4">
            <p className="font-bold">The form now shows their version. Nothing else has changed.</p>
          </div>
        ) : (
          <SuccessMessage state={state} />
        )}
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <TextField idPrefix={p} name="title" label="Title" defaultValue={value('title')} error={fieldError(state, 'title')} />
        <TextField
          idPrefix={p}
          name="slug"
          label="Slug"
          spellCheck={false}
          autoComplete="off"
          hint={
            published
              ? 'The last part of the issue’s web address. This issue is published: changing the slug breaks links people have already shared.'
              : 'The last part of the issue’s web address, like regional-update-december-2026'
          }
          defaultValue={value('slug')}
          error={fieldError(state, 'slug')}
        />
        <fieldset>
          <legend className="font-bold">Month the issue covers</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            <div className="w-48">
              <SelectField idPrefix={p} name="month" label="Month" options={MONTHS} defaultValue={value('month')} error={fieldError(state, 'month')} />
            </div>
            <div className="w-32">
              <TextField idPrefix={p} name="year" label="Year" inputMode="numeric" defaultValue={value('year')} error={fieldError(state, 'year')} />
            </div>
          </div>
        </fieldset>
        <FieldChrome id={`${p}-summary`} label="Summary (optional)" hint="One or two sentences shown under the title, in the archive and in the feed." error={fieldError(state, 'summary')}>
          <textarea
            id={`${p}-summary`}
            name="summary"
            rows={3}
            defaultValue={value('summary')}
            aria-invalid={fieldError(state, 'summary') ? true : undefined}
            aria-describedby={[`${p}-summary-hint`, fieldError(state, 'summary') ? `${p}-summary-error` : null].filter(Boolean).join(' ')}
            className={`${inputClass} py-2`}
          />
        </FieldChrome>
        <SubmitButton pendingText="Saving…">Save details</SubmitButton>
      </form>
    </>
  );
}
