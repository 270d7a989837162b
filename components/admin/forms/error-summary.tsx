'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';

/**
 * GOV.UK-style error summary, the one every admin form uses: receives focus after
 * a failed submit and links to each field in error. A field's id is
 * `fieldIds[name]`, else `${idPrefix}-${name}`, else the name itself; `labels`
 * prefixes a message with the field's label.
 */
export function ErrorSummary({
  state,
  idPrefix,
  fieldIds = {},
  labels = {},
  headingLevel = 2,
}: {
  state: ActionState<unknown>;
  idPrefix?: string;
  fieldIds?: Record<string, string>;
  labels?: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const idFor = (name: string) => fieldIds[name] ?? (idPrefix ? `${idPrefix}-${name}` : name);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  const errors =
    state.status === 'error'
      ? Object.entries(state.fieldErrors ?? {}).flatMap(([name, messages]) =>
          messages?.[0] ? [{ name, message: messages[0] }] : [],
        )
      : [];
  const show = state.status === 'error';
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-live="assertive"
      className={show ? 'mb-6 border-l-8 border-red-700 bg-red-50 p-4' : ''}
    >
      {show && (
        <>
          <Heading className="text-lg font-bold">There is a problem</Heading>
          <ul className="mt-1 list-disc pl-6">
            {errors.length === 0 && <li>{state.message}</li>}
            {errors.map((e) => (
              <li key={e.name}>
                <a href={`#${idFor(e.name)}`} className="text-red-800 underline">
                  {labels[e.name] ? `${labels[e.name]}: ` : ''}
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A success message after a completed action, announced politely. */
export function SuccessMessage({ state }: { state: ActionState }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={state.status === 'success' && state.message ? 'mb-6 border-l-8 border-green-700 bg-green-50 p-4' : ''}
    >
      {state.status === 'success' && state.message ? <p className="font-bold">{state.message}</p> : null}
    </div>
  );
}
