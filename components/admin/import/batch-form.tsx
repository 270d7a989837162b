'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { ErrorText, describedBy } from '@/components/admin/forms/fields';
import { idle } from '@/components/admin/issues/idle';
import { LINK, SECONDARY } from '@/components/admin/issues/styles';
import { batchImportAction } from '@/lib/actions/imports/batch-import';
import type { BatchResult } from '@/lib/actions/imports/review-types';
import { fieldError } from '@/lib/actions/state';
import { IMPORT_ACCEPT, IMPORT_MAX_FILE_BYTES, IMPORT_MAX_FILES } from '@/lib/validation/imports';

/** Several files at once, each straight to its own draft issue, then a report per file. */
export function BatchForm() {
  const [state, action, pending] = useActionState(batchImportAction, idle<BatchResult>());
  const error = fieldError(state, 'files');
  const report = state.status === 'success' ? state.data?.report ?? [] : [];
  const made = report.filter((r) => r.ok).length;
  return (
    <section aria-labelledby="import-batch-heading" className="mt-12 border-t-2 border-gray-300 pt-6">
      <h2 id="import-batch-heading" className="text-2xl font-bold">Import several files at once</h2>
      <p className="mt-1">For an archive: each file becomes its own draft issue straight away, without a review. Check each draft afterwards.</p>
      <form action={action} noValidate className="mt-4 space-y-4">
        <ErrorSummary state={state} fieldIds={{ files: 'import-files' }} headingLevel={3} />
        <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
          <label htmlFor="import-files" className="block font-bold">Files to import</label>
          <p id="import-files-hint" className="text-[var(--color-muted)]">
            Up to {IMPORT_MAX_FILES} .txt, .html or .docx files, each smaller than {IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB.
          </p>
          <ErrorText id="import-files-error" error={error} />
          <input
            id="import-files"
            name="files"
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('import-files', true, error)}
            className="mt-1 block max-w-xl"
          />
        </div>
        <button type="submit" disabled={pending} className={SECONDARY}>
          {pending ? 'Importing…' : 'Import the files'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {state.status === 'success' && (
          <div className="mt-6">
            <h3 className="text-xl font-bold">
              {made} of {report.length} {report.length === 1 ? 'file' : 'files'} imported
            </h3>
            <table className="mt-2 w-full border-collapse text-left">
              <caption className="sr-only">What became of each file</caption>
              <thead>
                <tr className="border-b-2 border-gray-800">
                  <th scope="col" className="py-2 pr-4">File</th>
                  <th scope="col" className="py-2 pr-4">Result</th>
                  <th scope="col" className="py-2 pr-4">Notes</th>
                </tr>
              </thead>
              <tbody>
                {report.map((r, i) => (
                  <tr key={i} className="border-b border-gray-300 align-top">
                    <th scope="row" className="py-2 pr-4 font-normal">{r.file}</th>
                    <td className="py-2 pr-4">
                      {r.ok && r.issue ? (
                        <>Created: <Link href={`/admin/issues/${r.issue.id}`} className={LINK}>draft issue {r.issue.slug}</Link></>
                      ) : (
                        <span className="font-bold text-red-700">Failed</span>
                      )}
                    </td>
                    <td className="py-2 pr-4">
                      <ul className="list-disc pl-5">
                        {r.messages.map((m, j) => <li key={j}>{m}</li>)}
                        {r.ok && r.flags > 0 && <li>{r.flags} guesses to check in the draft</li>}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
