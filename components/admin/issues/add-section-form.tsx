'use client';

import { useActionState, useEffect, useRef } from 'react';
import { idle } from './idle';
import { addSectionAction } from '@/lib/actions/sections/add-section';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError } from '@/lib/actions/state';
import { FIELD, PRIMARY, SELECT } from './styles';

const KIND_LABEL = { ARTICLE: 'Article', EVENT_LIST: 'List of events', INTRO: 'Intro (from the sponsor)' } as const;

export function AddSectionForm({ issueId }: { issueId: string }) {
  const [state, formAction, pending] = useActionState(addSectionAction, idle<{ id: string }>());
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  const titleError = fieldError(state, 'title');
  return (
    <form ref={form} action={formAction} noValidate className="mt-4 space-y-4">
      <ErrorSummary state={state} labels={{ title: 'Title', kind: 'Kind' }} />
      <input type="hidden" name="issueId" value={issueId} />
      <div>
        <label htmlFor="new-section-kind" className="font-bold">Kind</label>
        <select id="new-section-kind" name="kind" defaultValue="ARTICLE" className={SELECT}>
          {Object.entries(KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="title" className="font-bold">Title</label>
        {titleError && <p id="new-section-title-error" className="font-bold text-red-700">{titleError}</p>}
        <input id="title" name="title" aria-invalid={!!titleError} aria-describedby={titleError ? 'new-section-title-error' : undefined} className={FIELD} />
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>{pending ? 'Adding…' : 'Add section'}</button>
      <p role="status" aria-live="polite">{state.status === 'success' ? state.message : ''}</p>
    </form>
  );
}
