'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import Link from 'next/link';
import { startTransition, useActionState, useId, useMemo, useRef, useState } from 'react';
import { editorExtensions } from '@/components/admin/editor/extensions';
import { EditorToolbar } from '@/components/admin/editor/toolbar';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { describedBy, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { createEventAction } from '@/lib/actions/events/create-event';
import { updateEventAction } from '@/lib/actions/events/update-event';
import { IDLE, type ActionState } from '@/lib/actions/state';
import {
  EVENT_MODES,
  MAX_SESSIONS,
  MODE_LABELS,
  formWarnings,
  type DatePart,
} from '@/lib/validation/events';
import { formatClock, parseGovukDate } from '@/lib/dates';
import { DateInput, type DateValue } from './date-input';
import { EMPTY_SESSION, type EventFormValues, type SessionValue } from './form-values';
import { PresenterPicker, type PersonOption } from './presenter-picker';

type Conflict = { version: number; updatedAt: string; by: string | null; title: string };

const P = 'event';
const BUTTON = 'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100';
const PRIMARY = 'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';
const TIME_CLASS = 'mt-1 block min-h-11 w-28 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';

/** ProseMirror needs at least one block. */
function editorContent(doc: unknown): JSONContent {
  const d = doc as JSONContent | null;
  if (!d || d.type !== 'doc' || !Array.isArray(d.content) || d.content.length === 0) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return d;
}

/** An editor doc that is only empty paragraphs counts as no description. */
function isEmptyDoc(doc: unknown) {
  const d = doc as { content?: { type?: string; content?: unknown[] }[] } | null;
  return !d?.content || d.content.every((b) => b.type === 'paragraph' && !b.content?.length);
}

/** The form's values as the flat fields the action receives (also used for live warnings). */
function flatten(v: EventFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {
    title: v.title,
    registrationUrl: v.registrationUrl,
    registrationContact: v.registrationContact,
    saveTheDate: v.saveTheDate ? 'true' : '',
  };
  for (const group of ['registrationOpens', 'registrationDeadline'] as const) {
    for (const part of ['day', 'month', 'year'] as const) out[`${group}.${part}`] = v[group][part];
  }
  v.sessions.forEach((s, i) => {
    for (const key of ['day', 'month', 'year', 'startTime', 'endTime', 'label'] as const) out[`sessions.${i}.${key}`] = s[key];
    if (s.allDay) out[`sessions.${i}.allDay`] = 'true';
  });
  return out;
}



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
  const [state, formAction, pending] = useActionState(action, IDLE as ActionState);
  const [values, setValues] = useState<EventFormValues>(initial);
  const [version, setVersion] = useState(event?.version ?? 0);
  // Session errors refer to positions at the last submit; after adding or removing a session they no longer fit.
  const [sessionsChanged, setSessionsChanged] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Stable React keys for the sessions, so focus and typed text stay with a session when another is removed.
  const [keys, setKeys] = useState<number[]>(() => initial.sessions.map((_, i) => i));
  const nextKey = useRef(initial.sessions.length);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const uid = useId();

  const editor = useEditor({
    extensions: editorExtensions(),
    content: editorContent(initial.description),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: `${P}-description`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${P}-description-label`,
        class: 'prose-bulletin min-h-40 rounded border-2 border-gray-800 bg-white p-3 focus:outline-4 focus:outline-[var(--color-focus)]',
      },
    },
    onUpdate: ({ editor: e }) => setValues((v) => ({ ...v, description: e.getJSON() })),
  });

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setSession = (i: number, patch: Partial<SessionValue>) =>
    setValues((v) => ({ ...v, sessions: v.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  const errors = state.status === 'error' ? state.fieldErrors ?? {} : {};
  const err = (name: string) => {
    if (sessionsChanged && name.startsWith('sessions.')) return undefined;
    return errors[name]?.[0];
  };
  const conflict = state.status === 'error' && state.code === 409 && state.data && typeof state.data === 'object' && 'version' in state.data ? (state.data as Conflict) : null;

  const warnings = useMemo(() => formWarnings(flatten(values)), [values]);

  function addSession() {
    if (values.sessions.length >= MAX_SESSIONS) return;
    const last = values.sessions.at(-1);
    // A new session starts with the previous one's times: courses usually repeat them.
    const fresh: SessionValue = { ...EMPTY_SESSION, startTime: last?.startTime ?? '', endTime: last?.endTime ?? '', allDay: last?.allDay ?? false };
    const key = nextKey.current++;
    setKeys((k) => [...k, key]);
    const n = values.sessions.length + 1;
    setValues((v) => ({ ...v, sessions: [...v.sessions, fresh] }));
    setSessionsChanged(true);
    setAnnouncement(`Session ${n} added.`);
    // Focus the new session's first box once it is rendered.
    requestAnimationFrame(() => document.getElementById(`${P}-sessions-${n - 1}-day`)?.focus());
  }

  function removeSession(i: number) {
    if (values.sessions.length <= 1) return;
    setKeys((k) => k.filter((_, j) => j !== i));
    setValues((v) => ({ ...v, sessions: v.sessions.filter((_, j) => j !== i) }));
    setSessionsChanged(true);
    setAnnouncement(`Session ${i + 1} removed. There ${values.sessions.length - 1 === 1 ? 'is 1 session' : `are ${values.sessions.length - 1} sessions`}.`);
    // Focus moves to the session that took its place, or to "Add another session".
    requestAnimationFrame(() => {
      const target = document.getElementById(`${P}-sessions-${i}-legend`) ?? addButtonRef.current;
      target?.focus();
    });
  }

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setSessionsChanged(false);
    startTransition(() => formAction(data));
  }

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setAnnouncement('Your version will replace the saved one when you save. Press Save changes to confirm.');
  }

  const fieldIds: Record<string, string> = {
    description: `${P}-description`,
    isFree: `${P}-isFree-true`,
    mode: `${P}-mode-ONLINE`,
    registrationOpens: `${P}-registrationOpens-day`,
    registrationDeadline: `${P}-registrationDeadline-day`,
    presenterIds: `${P}-presenters-search`,
    topicIds: `${P}-topics`,
    sessions: `${P}-sessions-heading`,
  };
  values.sessions.forEach((_, i) => {
    fieldIds[`sessions.${i}.date`] = `${P}-sessions-${i}-day`;
    fieldIds[`sessions.${i}.startTime`] = `${P}-sessions-${i}-startTime`;
    fieldIds[`sessions.${i}.endTime`] = `${P}-sessions-${i}-endTime`;
    fieldIds[`sessions.${i}.label`] = `${P}-sessions-${i}-label`;
  });

  const dateErrorParts = (value: DateValue): DatePart[] | undefined => {
    const r = parseGovukDate(value, 'date');
    return r.ok ? undefined : r.problem.parts;
  };

  const online = values.mode === 'ONLINE' || values.mode === 'HYBRID';
  const inPerson = values.mode === 'IN_PERSON' || values.mode === 'HYBRID';

  return (
    <form onSubmit={submit} noValidate className="mt-6 max-w-3xl space-y-8" aria-describedby={`${uid}-required`}>
      <ErrorSummary state={state} idPrefix={P} fieldIds={fieldIds} />
      <p id={`${uid}-required`} className="sr-only">
        Fields not marked optional are required.
      </p>
      {state.status === 'success' && state.message && (
        <div role="status" className="border-l-8 border-green-700 bg-green-50 p-4">
          <p className="font-bold">{state.message}</p>
        </div>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {event && <input type="hidden" name="id" value={event.id} />}
      {event && <input type="hidden" name="version" value={version} />}
      {sectionId && <input type="hidden" name="sectionId" value={sectionId} />}
      <input type="hidden" name="description" value={isEmptyDoc(values.description) ? '' : JSON.stringify(values.description)} />
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

      <section aria-labelledby={`${uid}-about`} className="space-y-6">
        <h2 id={`${uid}-about`} className="text-2xl font-bold">
          About the event
        </h2>
        <FieldChrome id={`${P}-title`} label="Title" error={err('title')}>
          <input
            id={`${P}-title`}
            name="title"
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            aria-invalid={err('title') ? true : undefined}
            aria-describedby={describedBy(`${P}-title`, false, err('title'))}
            className={inputClass}
          />
        </FieldChrome>
        <div className={err('description') ? 'border-l-4 border-red-700 pl-3' : undefined}>
          <p id={`${P}-description-label`} className="font-bold">
            Description (optional)
          </p>
          {err('description') && (
            <p id={`${P}-description-error`} className="font-bold text-red-700">
              <span className="sr-only">Error: </span>
              {err('description')}
            </p>
          )}
          {editor ? (
            <div className="mt-1 space-y-2">
              <EditorToolbar editor={editor} labelledBy={`${P}-description`} canInsertImage={canInsertImage} />
              <EditorContent editor={editor} />
            </div>
          ) : (
            <p className="mt-1">Loading the editor…</p>
          )}
        </div>
        <FieldChrome id={`${P}-audience`} label="Who is it for? (optional)" hint="For example, Social workers and practice educators" error={err('audience')}>
          <input
            id={`${P}-audience`}
            name="audience"
            value={values.audience}
            onChange={(e) => set('audience', e.target.value)}
            aria-invalid={err('audience') ? true : undefined}
            aria-describedby={describedBy(`${P}-audience`, true, err('audience'))}
            className={inputClass}
          />
        </FieldChrome>
        <FieldChrome id={`${P}-organiserId`} label="Organiser (optional)" error={err('organiserId')}>
          <select
            id={`${P}-organiserId`}
            name="organiserId"
            value={values.organiserId}
            onChange={(e) => set('organiserId', e.target.value)}
            aria-invalid={err('organiserId') ? true : undefined}
            aria-describedby={describedBy(`${P}-organiserId`, false, err('organiserId'))}
            className={inputClass}
          >
            <option value="">None</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FieldChrome>
        <PresenterPicker
          idPrefix={`${P}-presenters`}
          people={people}
          selected={values.presenterIds}
          onChange={(ids) => set('presenterIds', ids)}
          error={err('presenterIds')}
        />
        {topics.length > 0 && (
          <fieldset id={`${P}-topics`} tabIndex={-1} aria-describedby={err('topicIds') ? `${P}-topics-error` : undefined}>
            <legend className="font-bold">Topics (optional)</legend>
            <p className="text-[var(--color-muted)]">Readers can filter the events list by topic.</p>
            {err('topicIds') && (
              <p id={`${P}-topics-error`} className="font-bold text-red-700">
                <span className="sr-only">Error: </span>
                {err('topicIds')}
              </p>
            )}
            <div className="mt-1 grid gap-2 sm:grid-cols-2">
              {topics.map((t) => (
                <div key={t.id} className="flex min-h-11 items-center gap-3">
                  <input
                    id={`${P}-topic-${t.id}`}
                    type="checkbox"
                    name="topicIds"
                    value={t.id}
                    checked={values.topicIds.includes(t.id)}
                    onChange={(e) => set('topicIds', e.target.checked ? [...values.topicIds, t.id] : values.topicIds.filter((id) => id !== t.id))}
                    className="h-6 w-6"
                  />
                  <label htmlFor={`${P}-topic-${t.id}`}>{t.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
      </section>

      <section aria-labelledby={`${P}-sessions-heading`} className="space-y-6">
        <h2 id={`${P}-sessions-heading`} tabIndex={-1} className="text-2xl font-bold">
          Dates and times
        </h2>
        <p className="max-w-2xl">
          Add one session for each day the event runs. Times are UK time (Europe/London), on the 24-hour clock.
        </p>
        {err('sessions') && (
          <p className="font-bold text-red-700">
            <span className="sr-only">Error: </span>
            {err('sessions')}
          </p>
        )}
        <ol className="space-y-6">
          {values.sessions.map((s, i) => {
            const id = `${P}-sessions-${i}`;
            const n = i + 1;
            const dateError = err(`sessions.${i}.date`);
            const startError = err(`sessions.${i}.startTime`);
            const endError = err(`sessions.${i}.endTime`);
            const labelError = err(`sessions.${i}.label`);
            return (
              <li key={keys[i] ?? `new-${i}`} className="rounded border-2 border-gray-300 p-4">
                <fieldset className="space-y-4">
                  <legend className="text-xl font-bold">
                    <span id={`${id}-legend`} tabIndex={-1}>
                      Session {n}
                    </span>
                  </legend>
                  {s.id && <input type="hidden" name={`sessions.${i}.id`} value={s.id} />}
                  <DateInput
                    id={id}
                    name={`sessions.${i}`}
                    legend={`Date of session ${n}`}
                    error={dateError}
                    errorParts={dateError ? dateErrorParts(s) : undefined}
                    value={{ day: s.day, month: s.month, year: s.year }}
                    onChange={(d) => setSession(i, d)}
                  />
                  <div className="flex min-h-11 items-center gap-3">
                    <input
                      id={`${id}-allDay`}
                      name={`sessions.${i}.allDay`}
                      type="checkbox"
                      value="true"
                      checked={s.allDay}
                      onChange={(e) => setSession(i, { allDay: e.target.checked })}
                      className="h-6 w-6"
                    />
                    <label htmlFor={`${id}-allDay`}>All day (no start or end time)<span className="sr-only">: session {n}</span></label>
                  </div>
                  {!s.allDay && (
                    <div className="flex flex-wrap gap-6">
                      <FieldChrome id={`${id}-startTime`} label={`Start time of session ${n}`} hint="For example, 09:30" error={startError}>
                        <input
                          id={`${id}-startTime`}
                          name={`sessions.${i}.startTime`}
                          value={s.startTime}
                          onChange={(e) => setSession(i, { startTime: e.target.value })}
                          autoComplete="off"
                          spellCheck={false}
                          aria-invalid={startError ? true : undefined}
                          aria-describedby={describedBy(`${id}-startTime`, true, startError)}
                          className={TIME_CLASS}
                        />
                      </FieldChrome>
                      <FieldChrome id={`${id}-endTime`} label={`End time of session ${n}`} hint="For example, 12:30" error={endError}>
                        <input
                          id={`${id}-endTime`}
                          name={`sessions.${i}.endTime`}
                          value={s.endTime}
                          onChange={(e) => setSession(i, { endTime: e.target.value })}
                          autoComplete="off"
                          spellCheck={false}
                          aria-invalid={endError ? true : undefined}
                          aria-describedby={describedBy(`${id}-endTime`, true, endError)}
                          className={TIME_CLASS}
                        />
                      </FieldChrome>
                    </div>
                  )}
                  <FieldChrome id={`${id}-label`} label={`Note for session ${n} (optional)`} hint="For example, Practice Educators only" error={labelError}>
                    <input
                      id={`${id}-label`}
                      name={`sessions.${i}.label`}
                      value={s.label}
                      onChange={(e) => setSession(i, { label: e.target.value })}
                      aria-invalid={labelError ? true : undefined}
                      aria-describedby={describedBy(`${id}-label`, true, labelError)}
                      className={inputClass}
                    />
                  </FieldChrome>
                  {values.sessions.length > 1 && (
                    <button type="button" className={BUTTON} onClick={() => removeSession(i)}>
                      Remove session {n}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {values.sessions.length < MAX_SESSIONS ? (
          <button ref={addButtonRef} type="button" className={BUTTON} onClick={addSession}>
            Add another session
          </button>
        ) : (
          <p>An event can have up to {MAX_SESSIONS} sessions.</p>
        )}
      </section>

      <section aria-labelledby={`${uid}-where`} className="space-y-6">
        <h2 id={`${uid}-where`} className="text-2xl font-bold">
          Where and cost
        </h2>
        <div className={err('mode') ? 'border-l-4 border-red-700 pl-3' : undefined}>
          <fieldset aria-describedby={err('mode') ? `${P}-mode-error` : undefined}>
            <legend className="font-bold">How will people attend?</legend>
            {err('mode') && (
              <p id={`${P}-mode-error`} className="font-bold text-red-700">
                <span className="sr-only">Error: </span>
                {err('mode')}
              </p>
            )}
            <div className="mt-1 space-y-1">
              {EVENT_MODES.map((m) => (
                <div key={m} className="flex min-h-11 items-center gap-3">
                  <input
                    id={`${P}-mode-${m}`}
                    type="radio"
                    name="mode"
                    value={m}
                    checked={values.mode === m}
                    onChange={() => set('mode', m)}
                    className="h-6 w-6"
                  />
                  <label htmlFor={`${P}-mode-${m}`}>{MODE_LABELS[m]}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {online && (
          <FieldChrome id={`${P}-platform`} label="Online platform" hint="For example, Microsoft Teams" error={err('platform')}>
            <input
              id={`${P}-platform`}
              name="platform"
              value={values.platform}
              onChange={(e) => set('platform', e.target.value)}
              aria-invalid={err('platform') ? true : undefined}
              aria-describedby={describedBy(`${P}-platform`, true, err('platform'))}
              className={inputClass}
            />
          </FieldChrome>
        )}
        {inPerson && (
          <>
            <FieldChrome id={`${P}-venueName`} label="Venue" hint="For example, The Lighthouse" error={err('venueName')}>
              <input
                id={`${P}-venueName`}
                name="venueName"
                value={values.venueName}
                onChange={(e) => set('venueName', e.target.value)}
                aria-invalid={err('venueName') ? true : undefined}
                aria-describedby={describedBy(`${P}-venueName`, true, err('venueName'))}
                className={inputClass}
              />
            </FieldChrome>
            <FieldChrome id={`${P}-venueAddress`} label="Venue address" error={err('venueAddress')}>
              <textarea
                id={`${P}-venueAddress`}
                name="venueAddress"
                rows={3}
                value={values.venueAddress}
                onChange={(e) => set('venueAddress', e.target.value)}
                aria-invalid={err('venueAddress') ? true : undefined}
                aria-describedby={describedBy(`${P}-venueAddress`, false, err('venueAddress'))}
                className={`${inputClass} py-2`}
              />
            </FieldChrome>
          </>
        )}
        <div className={err('isFree') ? 'border-l-4 border-red-700 pl-3' : undefined}>
          <fieldset aria-describedby={err('isFree') ? `${P}-isFree-error` : undefined}>
            <legend className="font-bold">Is the event free?</legend>
            {err('isFree') && (
              <p id={`${P}-isFree-error`} className="font-bold text-red-700">
                <span className="sr-only">Error: </span>
                {err('isFree')}
              </p>
            )}
            <div className="mt-1 space-y-1">
              {(['true', 'false'] as const).map((v) => (
                <div key={v} className="flex min-h-11 items-center gap-3">
                  <input
                    id={`${P}-isFree-${v}`}
                    type="radio"
                    name="isFree"
                    value={v}
                    checked={values.isFree === v}
                    onChange={() => set('isFree', v)}
                    className="h-6 w-6"
                  />
                  <label htmlFor={`${P}-isFree-${v}`}>{v === 'true' ? 'Yes, it is free' : 'No, there is a cost'}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        {values.isFree === 'false' && (
          <FieldChrome id={`${P}-cost`} label="Cost" hint="As it should appear, for example £95 per delegate" error={err('cost')}>
            <input
              id={`${P}-cost`}
              name="cost"
              value={values.cost}
              onChange={(e) => set('cost', e.target.value)}
              aria-invalid={err('cost') ? true : undefined}
              aria-describedby={describedBy(`${P}-cost`, true, err('cost'))}
              className={inputClass}
            />
          </FieldChrome>
        )}
      </section>

      <section aria-labelledby={`${uid}-booking`} className="space-y-6">
        <h2 id={`${uid}-booking`} className="text-2xl font-bold">
          Booking
        </h2>
        <FieldChrome id={`${P}-registrationUrl`} label="Registration link (optional)" hint="Must start with https://" error={err('registrationUrl')}>
          <input
            id={`${P}-registrationUrl`}
            name="registrationUrl"
            type="url"
            inputMode="url"
            spellCheck={false}
            value={values.registrationUrl}
            onChange={(e) => set('registrationUrl', e.target.value)}
            aria-invalid={err('registrationUrl') ? true : undefined}
            aria-describedby={describedBy(`${P}-registrationUrl`, true, err('registrationUrl'))}
            className={inputClass}
          />
        </FieldChrome>
        <FieldChrome
          id={`${P}-registrationContact`}
          label="How else to book (optional)"
          hint="For example, an email address or “Request your space through the Teaching Partnership”"
          error={err('registrationContact')}
        >
          <input
            id={`${P}-registrationContact`}
            name="registrationContact"
            value={values.registrationContact}
            onChange={(e) => set('registrationContact', e.target.value)}
            aria-invalid={err('registrationContact') ? true : undefined}
            aria-describedby={describedBy(`${P}-registrationContact`, true, err('registrationContact'))}
            className={inputClass}
          />
        </FieldChrome>
        <DateInput
          id={`${P}-registrationOpens`}
          name="registrationOpens"
          legend="Registration opens (optional)"
          hint="Leave blank if booking is already open. For example, 27 3 2027"
          error={err('registrationOpens')}
          errorParts={err('registrationOpens') ? dateErrorParts(values.registrationOpens) : undefined}
          value={values.registrationOpens}
          onChange={(d) => set('registrationOpens', d)}
        />
        <DateInput
          id={`${P}-registrationDeadline`}
          name="registrationDeadline"
          legend="Register by (optional)"
          hint="The last day to book. For example, 27 3 2027"
          error={err('registrationDeadline')}
          errorParts={err('registrationDeadline') ? dateErrorParts(values.registrationDeadline) : undefined}
          value={values.registrationDeadline}
          onChange={(d) => set('registrationDeadline', d)}
        />
        <div>
          <div className="flex min-h-11 items-center gap-3">
            <input
              id={`${P}-saveTheDate`}
              name="saveTheDate"
              type="checkbox"
              value="true"
              checked={values.saveTheDate}
              onChange={(e) => set('saveTheDate', e.target.checked)}
              aria-describedby={`${P}-saveTheDate-hint`}
              className="h-6 w-6"
            />
            <label htmlFor={`${P}-saveTheDate`} className="font-bold">
              Save the date
            </label>
          </div>
          <p id={`${P}-saveTheDate-hint`} className="text-[var(--color-muted)]">
            Readers see “Save the date – registration opens soon” until registration opens.
          </p>
        </div>
      </section>

      <div role="status" aria-live="polite" aria-atomic="true">
        {warnings.length > 0 && (
          <section aria-labelledby={`${uid}-warnings`} className="border-l-8 border-amber-600 bg-amber-50 p-4">
            <h2 id={`${uid}-warnings`} className="text-lg font-bold">
              Check before you save
            </h2>
            <p>You can still save the event.</p>
            <ul className="mt-1 list-disc pl-6">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </section>
        )}
      </div>

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
