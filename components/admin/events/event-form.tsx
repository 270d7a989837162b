'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { createEventAction } from '@/lib/actions/events/create-event';
import { updateEventAction } from '@/lib/actions/events/update-event';
import type { ActionState } from '@/lib/actions/state';
import { formatClock } from '@/lib/dates';
import { AboutFieldset, EventWarnings } from './about-fieldset';
import { BookingFieldset, WhereAndCostFieldset } from './event-fieldsets';
import { BUTTON, P, PRIMARY } from './form-classes';
import type { EventFormValues } from './form-values';
import { PresenterPicker, type PersonOption } from './presenter-picker';
import { SessionsFieldset } from './sessions-fieldset';
import { useEventForm } from './use-event-form';

type Conflict = { version: number; updatedAt: string; by: string | null; title: string };

/**
 * Create or edit an event. Every value lives in React state, so a failed save keeps
 * everything typed; field errors come back keyed by field name (`sessions.1.startTime`)
 * and are shown next to the field and in the error summary. Warnings (a register-by
 * date after the last session, …) update as you type and never block saving.
 */
export function EventForm({
  initial,
  event,
  sectionId,
  organisations,
  people,
  cancelHref,
  canInsertImage,
  topics,
}: {
  initial: EventFormValues;
  /** Editing: the event's id and the version the form was loaded with. */
  event?: { id: string; version: number };
  /** Creating inside an event-list section: the event is added there. */
  sectionId?: string;
  organisations: { id: string; name: string }[];
  people: PersonOption[];
  cancelHref: string;
  canInsertImage: boolean;
  topics: { id: string; name: string }[];
}) {
  const action = (event ? updateEventAction : createEventAction) as (state: ActionState, form: FormData) => Promise<ActionState>;
  const form = useEventForm(action, initial);
  const { state, pending, values, set, err } = form;
  const [version, setVersion] = useState(event?.version ?? 0);
  const uid = useId();
  const conflict = state.status === 'error' && state.code === 409 && state.data && typeof state.data === 'object' && 'version' in state.data ? (state.data as Conflict) : null;

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    form.setAnnouncement('Your version will replace the saved one when you save. Press Save changes to confirm.');
  }

  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="mt-6 max-w-3xl space-y-8" aria-describedby={`${uid}-required`}>
      <ErrorSummary state={state} idPrefix={P} fieldIds={form.fieldIds} />
      <p id={`${uid}-required`} className="sr-only">
        Fields not marked optional are required.
      </p>
      <SuccessMessage state={state} />
      <p role="status" aria-live="polite" className="sr-only">
        {form.announcement}
      </p>
      {event && <input type="hidden" name="id" value={event.id} />}
      {event && <input type="hidden" name="version" value={version} />}
      {sectionId && <input type="hidden" name="sectionId" value={sectionId} />}
      {values.presenterIds.map((id) => (
        <input key={id} type="hidden" name="presenterIds" value={id} />
      ))}

      {conflict && (
        <section aria-labelledby={`${uid}-conflict`} className="border-l-8 border-amber-600 bg-amber-50 p-4">
          <h2 id={`${uid}-conflict`} className="text-xl font-bold">
            This event was changed by someone else
          </h2>
          <p className="mt-2">
            The saved version is now version {conflict.version}
            {conflict.by ? `, saved by ${conflict.by}` : ''} at{' '}
            {formatClock(new Date(conflict.updatedAt))}, titled “{conflict.title}”. Your
            changes are still in this form.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            {event && (
              <a href={`/admin/events/${event.id}`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
                Open the saved version in a new tab
              </a>
            )}
            <button type="button" className={BUTTON} onClick={keepMine}>
              Keep my version
            </button>
          </div>
        </section>
      )}

      <AboutFieldset
        values={values}
        set={set}
        err={err}
        organisations={organisations}
        organiser={{ label: 'Organiser (optional)', emptyLabel: 'None' }}
        topics={topics}
        canInsertImage={canInsertImage}
        presenters={
          <PresenterPicker
            idPrefix={`${P}-presenters`}
            people={people}
            selected={values.presenterIds}
            onChange={(ids) => set('presenterIds', ids)}
            error={err('presenterIds')}
          />
        }
      />
      <SessionsFieldset sessions={values.sessions} controls={form.sessions} err={err} />
      <WhereAndCostFieldset values={values} set={set} err={err} />
      <BookingFieldset values={values} set={set} err={err} />
      <EventWarnings warnings={form.warnings} verb="save" />

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} aria-disabled={pending} className={PRIMARY}>
          {pending ? 'Saving…' : event ? 'Save changes' : sectionId ? 'Create event and add it to the section' : 'Create event'}
        </button>
        <Link href={cancelHref} className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
