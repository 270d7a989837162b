'use client';

import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { describedBy, ErrorText, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { MAX_SESSIONS } from '@/lib/validation/events';
import { DateInput, dateErrorParts } from './date-input';
import { BUTTON, P, TIME_CLASS, type ErrOf } from './form-classes';
import { EMPTY_SESSION, type EventFormValues, type SessionValue } from './form-values';

// The event form's sessions: a hook that adds and removes them (keeping focus and
// React keys with the right session) and the fieldset that shows them.

export function useSessions(
  sessions: SessionValue[],
  setValues: Dispatch<SetStateAction<EventFormValues>>,
  announce: (message: string) => void,
) {
  // Session errors refer to positions at the last submit; after adding or removing a session they no longer fit.
  const [sessionsChanged, setSessionsChanged] = useState(false);
  // Stable React keys for the sessions, so focus and typed text stay with a session when another is removed.
  const [keys, setKeys] = useState<number[]>(() => sessions.map((_, i) => i));
  const nextKey = useRef(sessions.length);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  const setSession = (i: number, patch: Partial<SessionValue>) =>
    setValues((v) => ({ ...v, sessions: v.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  function addSession() {
    if (sessions.length >= MAX_SESSIONS) return;
    const last = sessions.at(-1);
    // A new session starts with the previous one's times: courses usually repeat them.
    const fresh: SessionValue = { ...EMPTY_SESSION, startTime: last?.startTime ?? '', endTime: last?.endTime ?? '', allDay: last?.allDay ?? false };
    const key = nextKey.current++;
    setKeys((k) => [...k, key]);
    const n = sessions.length + 1;
    setValues((v) => ({ ...v, sessions: [...v.sessions, fresh] }));
    setSessionsChanged(true);
    announce(`Session ${n} added.`);
    // Focus the new session's first box once it is rendered.
    requestAnimationFrame(() => document.getElementById(`${P}-sessions-${n - 1}-day`)?.focus());
  }

  function removeSession(i: number) {
    if (sessions.length <= 1) return;
    setKeys((k) => k.filter((_, j) => j !== i));
    setValues((v) => ({ ...v, sessions: v.sessions.filter((_, j) => j !== i) }));
    setSessionsChanged(true);
    announce(`Session ${i + 1} removed. There ${sessions.length - 1 === 1 ? 'is 1 session' : `are ${sessions.length - 1} sessions`}.`);
    // Focus moves to the session that took its place, or to "Add another session".
    requestAnimationFrame(() => {
      const target = document.getElementById(`${P}-sessions-${i}-legend`) ?? addButtonRef.current;
      target?.focus();
    });
  }

  return { keys, addButtonRef, sessionsChanged, setSessionsChanged, setSession, addSession, removeSession };
}

export function SessionsFieldset({ sessions, controls, err }: { sessions: SessionValue[]; controls: ReturnType<typeof useSessions>; err: ErrOf }) {
  const { keys, addButtonRef, setSession, addSession, removeSession } = controls;
  return (
    <section aria-labelledby={`${P}-sessions-heading`} className="space-y-6">
      <h2 id={`${P}-sessions-heading`} tabIndex={-1} className="text-2xl font-bold">
        Dates and times
      </h2>
      <p className="max-w-2xl">
        Add one session for each day the event runs. Times are UK time (Europe/London), on the 24-hour clock.
      </p>
      <ErrorText id={`${P}-sessions-error`} error={err('sessions')} />
      <ol className="space-y-6">
        {sessions.map((s, i) => {
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
                {sessions.length > 1 && (
                  <button type="button" className={BUTTON} onClick={() => removeSession(i)}>
                    Remove session {n}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {sessions.length < MAX_SESSIONS ? (
        <button ref={addButtonRef} type="button" className={BUTTON} onClick={addSession}>
          Add another session
        </button>
      ) : (
        <p>An event can have up to {MAX_SESSIONS} sessions.</p>
      )}
    </section>
  );
}
