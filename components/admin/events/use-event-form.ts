'use client';

import { startTransition, useActionState, useMemo, useState } from 'react';
import { fieldError, IDLE, type ActionState } from '@/lib/actions/state';
import { formWarnings } from '@/lib/validation/events';
import { P } from './form-classes';
import { flatEventValues, keptEventValues, type EventFormValues } from './form-values';
import { useSessions } from './sessions-fieldset';

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * The state of both event forms (the admin's and the contributor's), one way: every
 * value lives in React state, starting from what was submitted when the page comes
 * back from a failed submit without JavaScript (`keptEventValues`), else `initial`.
 *
 * The form gets both `action` (a plain POST to the server action, without JavaScript)
 * and `onSubmit`: with JavaScript the submit sends the same FormData in a transition
 * and skips React's automatic form reset, so a failed save keeps everything typed.
 */
export function useEventForm(action: FormAction, initial: EventFormValues) {
  const [state, formAction, pending] = useActionState(action, IDLE as ActionState);
  const [values, setValues] = useState<EventFormValues>(() => keptEventValues(state, initial));
  const [announcement, setAnnouncement] = useState('');
  const sessions = useSessions(values.sessions, setValues, setAnnouncement);
  const { sessionsChanged, setSessionsChanged } = sessions;

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // Session errors refer to positions at the last submit; once sessions are added or removed they no longer fit.
  const err = (name: string) => (sessionsChanged && name.startsWith('sessions.') ? undefined : fieldError(state, name));
  const warnings = useMemo(() => formWarnings(flatEventValues(values)), [values]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setSessionsChanged(false);
    startTransition(() => formAction(data));
  }

  // Error summary links: a date goes to its first box, the sessions to their heading.
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

  return { state, formAction, pending, values, setValues, set, err, warnings, onSubmit, sessions, announcement, setAnnouncement, fieldIds };
}

export type EventFormControls = ReturnType<typeof useEventForm>;
