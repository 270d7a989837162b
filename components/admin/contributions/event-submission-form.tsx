'use client';

import { useActionState, useId, useRef, useState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { ErrorText, SelectField, SubmitButton, TextField, type Option } from '@/components/admin/forms/fields';
import { TopicCheckboxes } from '@/components/admin/events/topic-checkboxes';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { submitContributionAction } from '@/lib/actions/contributions/submit-contribution';
import { updateContributionAction } from '@/lib/actions/contributions/update-contribution';
import type { ActionState } from '@/lib/actions/state';
import type { StoredEventData } from '@/lib/validation/contributions';
import { formWarnings, MAX_SESSIONS, sessionField, type DatePart, type DateFields, type SessionFields } from '@/lib/validation/events';
import { RichTextField } from './rich-text-field';
import { SubmissionDateInput as DateInput } from './submission-date-input';

// The contributor's event form. Field names are those of lib/validation/events.ts
// (sessions.<i>.day, registrationDeadline.month, …), so the shared event schema
// validates it and its error keys map back to these fields.

type Saved = { id: string; version: number; title: string; body: unknown; eventData: StoredEventData };

const p = 'event';
const SMALL = 'mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';
const BUTTON = 'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100';

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
  const action = (event ? updateContributionAction : submitContributionAction) as (
    state: ActionState,
    form: FormData,
  ) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  const data = event?.eventData;
  const kept = (name: string, fallback?: string | null) => keptValue(state, name, fallback);
  const err = (name: string) => fieldError(state, name);
  // An unticked box sends nothing: after a failed submit, absent means unticked.
  const ticked = (name: string, fallback: boolean | undefined) =>
    state.status === 'error' && state.values ? state.values[name] === 'true' : !!fallback;
  const saved = state.status === 'success' ? (state.data as { version?: number } | undefined) : undefined;

  // Sessions have stable keys, so removing one keeps what was typed in the others.
  const [sessions, setSessions] = useState<{ key: string; initial: SessionFields }[]>(() =>
    (data?.sessions.length ? data.sessions : [{} as SessionFields]).map((initial, i) => ({ key: `saved-${i}`, initial })),
  );
  const [added, setAdded] = useState(0);
  const [mode, setMode] = useState(() => kept('mode', data?.mode ?? ''));
  const [isFree, setIsFree] = useState(() => kept('isFree', data ? String(data.isFree) : ''));
  // Controlled, so a failed submit keeps every ticked topic (the kept values hold one per name).
  const [topicIds, setTopicIds] = useState<string[]>(() => data?.topicIds ?? []);
  const [warnings, setWarnings] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();

  const sessionValue = (i: number, field: keyof SessionFields, initial: SessionFields) => {
    const v = initial[field];
    return kept(sessionField(i, field), typeof v === 'boolean' ? String(v) : v);
  };
  const dateValue = (group: 'registrationOpens' | 'registrationDeadline') => (part: DatePart) =>
    kept(`${group}.${part}`, (data?.[group] as DateFields | undefined)?.[part]);

  // Error summary links go to the first box of a date, or to the sessions heading.
  const fieldIds: Record<string, string> = {
    registrationOpens: `${p}-registrationOpens.day`,
    registrationDeadline: `${p}-registrationDeadline.day`,
    sessions: `${uid}-sessions`,
    mode: `${p}-mode-ONLINE`,
    isFree: `${p}-isFree-true`,
  };
  sessions.forEach((_, i) => {
    fieldIds[sessionField(i, 'date')] = `${p}-${sessionField(i, 'day')}`;
  });

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      onChange={() => formRef.current && setWarnings(formWarnings(new FormData(formRef.current)))}
      className="mt-6 max-w-3xl space-y-8"
    >
      <ErrorSummary state={state} idPrefix={p} fieldIds={fieldIds} />
      <SuccessMessage state={state} />
      <input type="hidden" name="kind" value="EVENT" />
      {event && (
        <>
          <input type="hidden" name="id" value={event.id} />
          <input type="hidden" name="version" value={saved?.version ?? event.version} />
        </>
      )}

      <TextField idPrefix={p} name="title" label="Title of the event" defaultValue={kept('title', event?.title)} error={err('title')} />
      <RichTextField
        idPrefix={p}
        name="description"
        label="Description (optional)"
        hint="What the event is about and who is speaking"
        defaultValue={event?.body}
        canInsertImage={canInsertImage}
        error={err('description')}
      />

      <section aria-labelledby={`${uid}-sessions`} className="space-y-4">
        <h2 id={`${uid}-sessions`} tabIndex={-1} className="text-xl font-bold">
          Dates and times
        </h2>
        <p className="text-[var(--color-muted)]">UK time. Add a session for each day the event runs.</p>
        <ErrorText id={`${uid}-sessions-error`} error={err('sessions')} />
        {sessions.map((s, i) => {
          const dateError = err(sessionField(i, 'date'));
          const start = err(sessionField(i, 'startTime'));
          const end = err(sessionField(i, 'endTime'));
          const label = err(sessionField(i, 'label'));
          const allDay = ticked(sessionField(i, 'allDay'), s.initial.allDay === true || s.initial.allDay === 'true');
          return (
            <fieldset key={s.key} className="rounded border border-gray-400 p-4">
              <legend className="px-1 text-lg font-bold">Session {i + 1}</legend>
              <DateInput
                name={`sessions.${i}`}
                legend="Date"
                context={`date of session ${i + 1}`}
                hint="For example, 27 3 2026"
                error={dateError}
                value={(part) => sessionValue(i, part, s.initial)}
              />
              <div className="mt-4 flex flex-wrap gap-6">
                {(['startTime', 'endTime'] as const).map((field) => {
                  const e = field === 'startTime' ? start : end;
                  const id = `${p}-${sessionField(i, field)}`;
                  return (
                    <div key={field} className={e ? 'border-l-4 border-red-700 pl-3' : undefined}>
                      <label htmlFor={id} className="block font-bold">
                        {field === 'startTime' ? 'Start time' : 'End time'}
                        <span className="sr-only"> of session {i + 1}</span>
                      </label>
                      <p id={`${id}-hint`} className="text-[var(--color-muted)]">
                        24-hour clock, like {field === 'startTime' ? '09:30' : '14:00'}
                      </p>
                      <ErrorText id={`${id}-error`} error={e} />
                      <input
                        id={id}
                        name={sessionField(i, field)}
                        defaultValue={sessionValue(i, field, s.initial)}
                        aria-invalid={e ? true : undefined}
                        aria-describedby={[`${id}-hint`, e ? `${id}-error` : null].filter(Boolean).join(' ')}
                        className={`${SMALL} w-28`}
                      />
                    </div>
                  );
                })}
              </div>
              <div className="mt-4 flex items-center gap-3">
                <input
                  id={`${p}-${sessionField(i, 'allDay')}`}
                  type="checkbox"
                  name={sessionField(i, 'allDay')}
                  value="true"
                  defaultChecked={allDay}
                  className="size-6"
                />
                <label htmlFor={`${p}-${sessionField(i, 'allDay')}`}>All day (no start or end time)<span className="sr-only">: session {i + 1}</span></label>
              </div>
              <div className="mt-4">
                <TextField
                  idPrefix={p}
                  name={sessionField(i, 'label')}
                  label={<>Label<span className="sr-only"> of session {i + 1}</span> (optional)</>}
                  hint="For example, Practice Educators only"
                  defaultValue={sessionValue(i, 'label', s.initial)}
                  error={label}
                />
              </div>
              {sessions.length > 1 && (
                <button
                  type="button"
                  className={`${BUTTON} mt-4`}
                  onClick={() => setSessions((list) => list.filter((x) => x.key !== s.key))}
                >
                  Remove session {i + 1}
                </button>
              )}
            </fieldset>
          );
        })}
        {sessions.length < MAX_SESSIONS && (
          <button type="button" className={BUTTON} onClick={() => {
              setSessions((list) => [...list, { key: `new-${added}`, initial: {} }]);
              setAdded((n) => n + 1);
            }}>
            Add another session
          </button>
        )}
      </section>

      <section aria-labelledby={`${uid}-where`} className="space-y-6">
        <h2 id={`${uid}-where`} className="text-xl font-bold">
          Where
        </h2>
        <fieldset className={err('mode') ? 'border-l-4 border-red-700 pl-3' : undefined} aria-describedby={err('mode') ? `${p}-mode-error` : undefined}>
          <legend className="font-bold">How do people attend?</legend>
          <ErrorText id={`${p}-mode-error`} error={err('mode')} />
          <div className="mt-2 space-y-2">
            {(
              [
                ['ONLINE', 'Online'],
                ['IN_PERSON', 'In person'],
                ['HYBRID', 'Online and in person'],
              ] as const
            ).map(([value, text]) => (
              <div key={value} className="flex items-center gap-3">
                <input
                  id={`${p}-mode-${value}`}
                  type="radio"
                  name="mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                  className="size-6"
                />
                <label htmlFor={`${p}-mode-${value}`}>{text}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div hidden={!(mode === 'ONLINE' || mode === 'HYBRID')}>
          <TextField idPrefix={p} name="platform" label="Platform" hint="For example, Microsoft Teams" defaultValue={kept('platform', data?.platform)} error={err('platform')} />
        </div>
        <div hidden={!(mode === 'IN_PERSON' || mode === 'HYBRID')} className="space-y-6">
          <TextField idPrefix={p} name="venueName" label="Venue" defaultValue={kept('venueName', data?.venueName)} error={err('venueName')} />
          <TextField idPrefix={p} name="venueAddress" label="Address of the venue" defaultValue={kept('venueAddress', data?.venueAddress)} error={err('venueAddress')} />
        </div>
      </section>

      <section aria-labelledby={`${uid}-who`} className="space-y-6">
        <h2 id={`${uid}-who`} className="text-xl font-bold">
          Who and how much
        </h2>
        <SelectField
          idPrefix={p}
          name="organiserId"
          label="Organiser"
          emptyLabel={`Your organisation (${options.ownOrganisation})`}
          options={options.organisations}
          defaultValue={kept('organiserId', data?.organiserId)}
          error={err('organiserId')}
        />
        <TopicCheckboxes
          id={`${p}-topicIds`}
          idPrefix={p}
          topics={options.topics.map((t) => ({ id: t.value, name: t.label }))}
          selected={topicIds}
          onChange={setTopicIds}
          error={err('topicIds')}
        />
        <TextField idPrefix={p} name="audience" label="Who it is for (optional)" hint="For example, Newly qualified social workers" defaultValue={kept('audience', data?.audience)} error={err('audience')} />
        <fieldset className={err('isFree') ? 'border-l-4 border-red-700 pl-3' : undefined} aria-describedby={err('isFree') ? `${p}-isFree-error` : undefined}>
          <legend className="font-bold">Is the event free?</legend>
          <ErrorText id={`${p}-isFree-error`} error={err('isFree')} />
          <div className="mt-2 space-y-2">
            {(
              [
                ['true', 'Yes, it is free'],
                ['false', 'No, there is a cost'],
              ] as const
            ).map(([value, text]) => (
              <div key={value} className="flex items-center gap-3">
                <input
                  id={`${p}-isFree-${value}`}
                  type="radio"
                  name="isFree"
                  value={value}
                  checked={isFree === value}
                  onChange={() => setIsFree(value)}
                  className="size-6"
                />
                <label htmlFor={`${p}-isFree-${value}`}>{text}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div hidden={isFree !== 'false'}>
          <TextField idPrefix={p} name="cost" label="Cost" hint="For example, £95 per delegate" defaultValue={kept('cost', data?.cost)} error={err('cost')} />
        </div>
      </section>

      <section aria-labelledby={`${uid}-booking`} className="space-y-6">
        <h2 id={`${uid}-booking`} className="text-xl font-bold">
          Booking
        </h2>
        <TextField
          idPrefix={p}
          name="registrationUrl"
          label="Booking link (optional)"
          hint="Starts with https://"
          type="url"
          spellCheck={false}
          defaultValue={kept('registrationUrl', data?.registrationUrl)}
          error={err('registrationUrl')}
        />
        <TextField
          idPrefix={p}
          name="registrationContact"
          label="Or how to book (optional)"
          hint="For example, email training@example.org"
          defaultValue={kept('registrationContact', data?.registrationContact)}
          error={err('registrationContact')}
        />
        <DateInput
          name="registrationOpens"
          legend="Booking opens (optional)"
          context="booking opens"
          hint="Leave empty if booking is open now"
          error={err('registrationOpens')}
          value={dateValue('registrationOpens')}
        />
        <DateInput
          name="registrationDeadline"
          legend="Register by (optional)"
          context="register by"
          hint="The last day to book"
          error={err('registrationDeadline')}
          value={dateValue('registrationDeadline')}
        />
        <div className="flex items-center gap-3">
          <input
            id={`${p}-saveTheDate`}
            type="checkbox"
            name="saveTheDate"
            value="true"
            defaultChecked={ticked('saveTheDate', data?.saveTheDate)}
            className="size-6"
          />
          <label htmlFor={`${p}-saveTheDate`}>Save the date: booking details will follow</label>
        </div>
      </section>

      <div role="status" aria-live="polite">
        {warnings.length > 0 && (
          <div className="border-l-8 border-amber-500 bg-amber-50 p-4">
            <h2 className="font-bold">Check before you submit</h2>
            <ul className="mt-1 list-disc pl-6">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <SubmitButton pendingText={event ? 'Saving…' : 'Submitting…'}>{event ? 'Save changes' : 'Submit event'}</SubmitButton>
    </form>
  );
}
