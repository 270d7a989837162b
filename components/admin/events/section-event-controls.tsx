'use client';

import { useSearchParams } from 'next/navigation';
import { useActionState, useId, useMemo, useState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { MoveButtons } from '@/components/admin/forms/move-buttons';
import { addSectionEventAction } from '@/lib/actions/sections/add-section-event';
import { moveSectionEventAction } from '@/lib/actions/sections/move-section-event';
import { removeSectionEventAction } from '@/lib/actions/sections/remove-section-event';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { ErrorText } from '@/components/admin/forms/fields';

const SECONDARY =
  'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100 disabled:opacity-50 aria-disabled:opacity-50';
const PRIMARY = 'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';

type Message = { message: string };
const idle = <T,>() => IDLE as ActionState<T>;
const resultText = (state: ActionState<Message>) => (state.status === 'success' ? state.data?.message ?? '' : state.status === 'error' ? state.message : '');

/**
 * Move up / down for one event in a section: real buttons, usable from the keyboard.
 * aria-disabled rather than disabled, so focus stays on a button pressed repeatedly;
 * rows are keyed by event id, so focus follows the event as it moves.
 */
export function MoveSectionEventButtons({ sectionId, eventId, title, isFirst, isLast }: { sectionId: string; eventId: string; title: string; isFirst: boolean; isLast: boolean }) {
  const [state, formAction, pending] = useActionState(moveSectionEventAction, idle<Message & { moved: boolean }>());
  return (
    <MoveButtons action={formAction} state={state} pending={pending} title={title} isFirst={isFirst} isLast={isLast}>
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="eventId" value={eventId} />
    </MoveButtons>
  );
}

/** Takes the event out of this section (the event itself is kept). */
export function RemoveSectionEventButton({ sectionId, eventId, title }: { sectionId: string; eventId: string; title: string }) {
  const [state, formAction, pending] = useActionState(removeSectionEventAction, idle<Message>());
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" disabled={pending} className={SECONDARY} aria-label={`Remove from this section: ${title}`}>
        {pending ? 'Removing…' : 'Remove'}
      </button>
      <span role="status" aria-live="polite" className={state.status === 'error' ? 'font-bold text-red-700' : 'sr-only'}>
        {state.status === 'error' ? state.message : ''}
      </span>
    </form>
  );
}

export type EventChoice = { id: string; title: string; when: string };

const SHOWN = 20;

/**
 * Search the events not yet in this section and add one. The search filters as you
 * type (the count is announced); the matches are radio buttons, then one "Add" button.
 */
export function AddExistingEventForm({ sectionId, choices }: { sectionId: string; choices: EventChoice[] }) {
  const [state, formAction, pending] = useActionState(addSectionEventAction, idle<Message>());
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const id = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? choices.filter((c) => `${c.title} ${c.when}`.toLowerCase().includes(q)) : choices;
  }, [choices, query]);
  const shown = matches.slice(0, SHOWN);
  const eventError = state.status === 'error' ? state.fieldErrors?.eventId?.[0] : undefined;
  return (
    <form action={formAction} className="mt-4 max-w-3xl space-y-4">
      <ErrorSummary state={state} fieldIds={{ eventId: `${id}-search` }} headingLevel={3} />
      {state.status === 'success' && (
        <p role="status" className="border-l-8 border-green-700 bg-green-50 p-4 font-bold">
          {resultText(state)}
        </p>
      )}
      <input type="hidden" name="sectionId" value={sectionId} />
      <div>
        <label htmlFor={`${id}-search`} className="block font-bold">
          Find an event
        </label>
        <p id={`${id}-hint`} className="text-[var(--color-muted)]">
          Type part of the title or a month, for example “masterclass” or “November 2026”.
        </p>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          aria-describedby={`${id}-hint ${id}-count`}
          aria-controls={`${id}-list`}
          autoComplete="off"
          className="mt-1 block min-h-11 w-96 max-w-full rounded border-2 border-gray-800 bg-white px-2"
        />
        <p id={`${id}-count`} role="status" aria-live="polite" className="mt-1 text-[var(--color-muted)]">
          {matches.length === 0
            ? 'No events match.'
            : matches.length > SHOWN
              ? `${matches.length} events match; showing the first ${SHOWN}.`
              : `${matches.length} ${matches.length === 1 ? 'event matches' : 'events match'}.`}
        </p>
      </div>
      {shown.length > 0 && (
        <fieldset aria-describedby={eventError ? `${id}-error` : undefined}>
          <legend className="font-bold">Choose an event</legend>
          <ErrorText id={`${id}-error`} error={eventError} />
          <ul id={`${id}-list`} className="mt-1 space-y-1">
            {shown.map((c) => (
              <li key={c.id} className="flex min-h-11 items-center gap-3">
                <input
                  id={`${id}-event-${c.id}`}
                  type="radio"
                  name="eventId"
                  value={c.id}
                  checked={chosen === c.id}
                  onChange={() => setChosen(c.id)}
                  className="h-6 w-6 shrink-0"
                />
                <label htmlFor={`${id}-event-${c.id}`}>
                  {c.title} <span className="text-[var(--color-muted)]">– {c.when}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? 'Adding…' : 'Add to this section'}
      </button>
    </form>
  );
}

/** "“…” was created and added" after creating an event from this section. */
export function EventAddedBanner() {
  const added = useSearchParams().get('eventAdded');
  if (!added) return null;
  return (
    <div role="status" className="mt-4 border-l-8 border-green-700 bg-green-50 p-4">
      <p className="font-bold">“{added.slice(0, 200)}” was created and added to this section.</p>
    </div>
  );
}
