'use client';

import { useActionState, useEffect, useRef } from 'react';
import { idle } from './idle';
import { addSectionAction } from '@/lib/actions/sections/add-section';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError } from '@/lib/actions/state';
import { defaultPlacement, type Placed } from './placement';
import { FIELD, PRIMARY, SELECT } from './styles';

const KIND_LABEL = { ARTICLE: 'Article', EVENT_LIST: 'List of events', INTRO: 'Intro (from the sponsor)' } as const;

export function AddSectionForm({ issueId, sections }: { issueId: string; sections: Placed[] }) {
  const [state, formAction, pending] = useActionState(addSectionAction, idle<{ id: string }>());
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  const titleError = fieldError(state, 'title');
  const afterError = fieldError(state, 'after');
  return (
    <form ref={form} action={formAction} noValidate className="mt-4 space-y-4">
      <ErrorSummary
        state={state}
        fieldIds={{ title: 'new-section-title', kind: 'new-section-kind', after: 'new-section-after' }}
        labels={{ title: 'Title of the new section', kind: 'Kind of section', after: 'Where to add it' }}
      />
      <input type="hidden" name="issueId" value={issueId} />
      <div>
        <label htmlFor="new-section-kind" className="font-bold">Kind of section</label>
        <select id="new-section-kind" name="kind" defaultValue="ARTICLE" className={SELECT}>
          {Object.entries(KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="new-section-title" className="font-bold">Title of the new section</label>
        {titleError && <p id="new-section-title-error" className="font-bold text-red-700">{titleError}</p>}
        <input id="new-section-title" name="title" aria-invalid={!!titleError} aria-describedby={titleError ? 'new-section-title-error' : undefined} className={FIELD} />
      </div>
      {sections.length > 0 && (
        <div>
          <label htmlFor="new-section-after" className="font-bold">Where to add it</label>
          {afterError && <p id="new-section-after-error" className="font-bold text-red-700">{afterError}</p>}
          {/* Keyed by the order, so after an add the default follows the new list. */}
          <select
            key={sections.map((s) => s.id).join()}
            id="new-section-after"
            name="after"
            defaultValue={defaultPlacement(sections)}
            aria-invalid={!!afterError}
            aria-describedby={afterError ? 'new-section-after-error' : undefined}
            className={SELECT}
          >
            <option value="start">At the start</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>After “{s.title}”</option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" disabled={pending} className={PRIMARY}>{pending ? 'Adding…' : 'Add section'}</button>
      <p role="status" aria-live="polite">{state.status === 'success' ? state.message : ''}</p>
    </form>
  );
}
