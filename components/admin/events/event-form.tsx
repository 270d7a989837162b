'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import Link from 'next/link';
import { startTransition, useActionState, useId, useMemo, useState } from 'react';
import { editorExtensions } from '@/components/admin/editor/extensions';
import { EditorToolbar } from '@/components/admin/editor/toolbar';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { describedBy, ErrorText, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { createEventAction } from '@/lib/actions/events/create-event';
import { updateEventAction } from '@/lib/actions/events/update-event';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { formatClock } from '@/lib/dates';
import { formWarnings } from '@/lib/validation/events';
import { BookingFieldset, WhereAndCostFieldset } from './event-fieldsets';
import { BUTTON, P, PRIMARY } from './form-classes';
import type { EventFormValues } from './form-values';
import { PresenterPicker, type PersonOption } from './presenter-picker';
import { SessionsFieldset, useSessions } from './sessions-fieldset';
import { TopicCheckboxes } from './topic-checkboxes';

type Conflict = { version: number; updatedAt: string; by: string | null; title: string };


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
  const [announcement, setAnnouncement] = useState('');
  const sessions = useSessions(values.sessions, setValues, setAnnouncement);
  const { sessionsChanged, setSessionsChanged } = sessions;
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

  const errors = state.status === 'error' ? state.fieldErrors ?? {} : {};
  const err = (name: string) => {
    if (sessionsChanged && name.startsWith('sessions.')) return undefined;
    return errors[name]?.[0];
  };
  const conflict = state.status === 'error' && state.code === 409 && state.data && typeof state.data === 'object' && 'version' in state.data ? (state.data as Conflict) : null;

  const warnings = useMemo(() => formWarnings(flatten(values)), [values]);

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
          <ErrorText id={`${P}-description-error`} error={err('description')} />
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
        <TopicCheckboxes
          id={`${P}-topics`}
          idPrefix={P}
          topics={topics}
          selected={values.topicIds}
          onChange={(ids) => set('topicIds', ids)}
          error={err('topicIds')}
        />
      </section>

      <SessionsFieldset sessions={values.sessions} controls={sessions} err={err} />
      <WhereAndCostFieldset values={values} set={set} err={err} />
      <BookingFieldset values={values} set={set} err={err} />

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
