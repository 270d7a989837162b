'use client';

import { AboutFieldset, EventWarnings } from '@/components/admin/events/about-fieldset';
import { BookingFieldset, WhereAndCostFieldset } from '@/components/admin/events/event-fieldsets';
import { P } from '@/components/admin/events/form-classes';
import { storedEventValues } from '@/components/admin/events/form-values';
import { SessionsFieldset } from '@/components/admin/events/sessions-fieldset';
import { useEventForm } from '@/components/admin/events/use-event-form';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton, type Option } from '@/components/admin/forms/fields';
import { submitContributionAction } from '@/lib/actions/contributions/submit-contribution';
import { updateContributionAction } from '@/lib/actions/contributions/update-contribution';
import type { ActionState } from '@/lib/actions/state';
import type { StoredEventData } from '@/lib/validation/contributions';

// The contributor's event form: the admin event form's fieldsets and state
// (useEventForm), without presenters, sent with kind=EVENT to the contribution
// actions, which validate it with the same event schema.

type Saved = { id: string; version: number; title: string; body: unknown; eventData: StoredEventData };

/** Submit a new event (no `event`) or edit one's own while it is still submitted. */
export function EventSubmissionForm({
  event,
  options,
  canInsertImage,
}: {
  event?: Saved;
  options: { organisations: Option[]; ownOrganisation: string; topics: Option[] };
  canInsertImage: boolean;
}) {
  const action = (event ? updateContributionAction : submitContributionAction) as (state: ActionState, form: FormData) => Promise<ActionState>;
  const form = useEventForm(action, storedEventValues(event));
  const { state, values, set, err } = form;
  const saved = state.status === 'success' ? (state.data as { version?: number } | undefined) : undefined;
  const byId = (list: Option[]) => list.map((o) => ({ id: o.value, name: o.label }));

  return (
    <form action={form.formAction} onSubmit={form.onSubmit} noValidate className="mt-6 max-w-3xl space-y-8">
      <ErrorSummary state={state} idPrefix={P} fieldIds={form.fieldIds} />
      <SuccessMessage state={state} />
      <p role="status" aria-live="polite" className="sr-only">
        {form.announcement}
      </p>
      <input type="hidden" name="kind" value="EVENT" />
      {event && (
        <>
          <input type="hidden" name="id" value={event.id} />
          <input type="hidden" name="version" value={saved?.version ?? event.version} />
        </>
      )}
      <AboutFieldset
        values={values}
        set={set}
        err={err}
        organisations={byId(options.organisations)}
        organiser={{ label: 'Organiser', emptyLabel: `Your organisation (${options.ownOrganisation})` }}
        topics={byId(options.topics)}
        canInsertImage={canInsertImage}
      />
      <SessionsFieldset sessions={values.sessions} controls={form.sessions} err={err} />
      <WhereAndCostFieldset values={values} set={set} err={err} />
      <BookingFieldset values={values} set={set} err={err} />
      <EventWarnings warnings={form.warnings} verb="submit" />
      <SubmitButton pendingText={event ? 'Saving…' : 'Submitting…'}>{event ? 'Save changes' : 'Submit event'}</SubmitButton>
    </form>
  );
}
