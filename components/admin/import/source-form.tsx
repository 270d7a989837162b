'use client';

import { useState, type ClipboardEvent } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { ErrorText, describedBy } from '@/components/admin/forms/fields';
import { PRIMARY, SECONDARY } from '@/components/admin/issues/styles';
import { fieldError, keptValue, type ActionState } from '@/lib/actions/state';
import { IMPORT_ACCEPT, IMPORT_MAX_CHARS, IMPORT_MAX_FILE_BYTES } from '@/lib/validation/imports';

const FORMATS = [
  { value: 'auto', label: 'Work it out (HTML if it has tags)' },
  { value: 'text', label: 'Plain text' },
  { value: 'html', label: 'HTML (copied from a web page’s source or saved from Word)' },
];

/**
 * Step 1: paste a bulletin or choose one file. After a refusal the text box keeps
 * what was typed (the action sends it back); a file has to be chosen again.
 */
export function SourceForm({ state, action, pending, kept }: { state: ActionState<unknown>; action: (form: FormData) => void; pending: boolean; kept?: string }) {
  const pastedError = fieldError(state, 'pasted');
  const fileError = fieldError(state, 'file');
  const format = keptValue(state, 'format', 'auto');
  const pasted = kept ?? keptValue(state, 'pasted');
  // A paste into the empty box from a web page or Word keeps its HTML too, so headings
  // and lists survive; typing afterwards, or "Use the plain text", drops it.
  const [html, setHtml] = useState(keptValue(state, 'pastedHtml'));
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const box = event.currentTarget;
    const formatted = event.clipboardData.getData('text/html');
    const whole = box.value.trim() === '' || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
    if (!formatted.trim() || !whole) return;
    event.preventDefault();
    box.value = event.clipboardData.getData('text/plain');
    setHtml(formatted);
  }
  return (
    <form action={action} noValidate className="mt-4 space-y-6" aria-labelledby="import-one-heading">
      <h2 id="import-one-heading" className="text-2xl font-bold">Import one bulletin</h2>
      <ErrorSummary state={state} fieldIds={{ pasted: 'import-pasted', file: 'import-file', format: 'import-format-auto', source: 'import-pasted' }} />
      <div className={pastedError ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <label htmlFor="import-pasted" className="block font-bold">Paste the bulletin</label>
        <p id="import-pasted-hint" className="text-[var(--color-muted)]">
          The whole issue, from its title (“Regional Update – October 2025”) to the end. Up to {IMPORT_MAX_CHARS.toLocaleString('en-GB')} characters.
        </p>
        <ErrorText id="import-pasted-error" error={pastedError} />
        <textarea
          key={`pasted-${state.status}-${pasted.length}`}
          id="import-pasted"
          name="pasted"
          rows={14}
          defaultValue={pasted}
          onPaste={onPaste}
          // Setting the value in onPaste fires no change, so any change is the editor's own edit.
          onChange={() => setHtml('')}
          aria-invalid={pastedError ? true : undefined}
          aria-describedby={describedBy('import-pasted', true, pastedError)}
          className="mt-1 block w-full max-w-3xl rounded border-2 border-gray-800 bg-white p-2 font-mono text-sm"
        />
      </div>
      <input type="hidden" name="pastedHtml" value={html} />
      <div role="status" aria-live="polite">
        {html && (
          <p className="flex flex-wrap items-center gap-3 border-l-8 border-green-700 bg-green-50 p-3">
            Pasted with its formatting: headings and lists from the web page or Word are kept.
            <button type="button" onClick={() => setHtml('')} className={SECONDARY}>Use the plain text instead</button>
          </p>
        )}
      </div>
      <fieldset>
        <legend className="font-bold">What is the pasted text?</legend>
        <div className="mt-1 space-y-1">
          {FORMATS.map((f) => (
            <div key={f.value} className="flex items-center gap-2">
              <input key={`${f.value}-${format}`} id={`import-format-${f.value}`} type="radio" name="format" value={f.value} defaultChecked={format === f.value} className="size-6" />
              <label htmlFor={`import-format-${f.value}`}>{f.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <p className="font-bold">Or</p>
      <div className={fileError ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <label htmlFor="import-file" className="block font-bold">Upload a file</label>
        <p id="import-file-hint" className="text-[var(--color-muted)]">
          A .txt, .html or Word (.docx) file, smaller than {IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB. Leave the text box empty when you upload.
        </p>
        <ErrorText id="import-file-error" error={fileError} />
        <input
          id="import-file"
          name="file"
          type="file"
          accept={IMPORT_ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy('import-file', true, fileError)}
          className="mt-1 block max-w-xl"
        />
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? 'Reading…' : 'Review the import'}
      </button>
      <p className="text-[var(--color-muted)]">Nothing is created until you check the review and choose “Create draft issue”.</p>
    </form>
  );
}
