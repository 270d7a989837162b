import type { ActionState } from '@/lib/actions/state';
import type { EventForEdit } from '@/lib/data/events-admin';
import type { StoredEventData } from '@/lib/validation/contributions';
import { dateToFields, EVENT_MODES, sessionToFields, type DateFields, type EventModeValue } from '@/lib/validation/events';
import type { DateValue } from './date-input';

// The values of both event forms (the admin's and the contributor's), all strings as
// typed, and how a stored event, a stored submission or a failed submit become them.
// Plain module, not 'use client': server pages build the initial values.

export type SessionValue = { id?: string; day: string; month: string; year: string; startTime: string; endTime: string; allDay: boolean; label: string };

export type EventFormValues = {
  title: string;
  description: unknown;
  organiserId: string;
  audience: string;
  isFree: 'true' | 'false' | '';
  cost: string;
  mode: EventModeValue | '';
  platform: string;
  venueName: string;
  venueAddress: string;
  registrationUrl: string;
  registrationContact: string;
  registrationOpens: DateValue;
  registrationDeadline: DateValue;
  saveTheDate: boolean;
  presenterIds: string[];
  topicIds: string[];
  sessions: SessionValue[];
};

export const EMPTY_SESSION: SessionValue = { day: '', month: '', year: '', startTime: '', endTime: '', allDay: false, label: '' };

const EMPTY_DATE = { day: '', month: '', year: '' };

/** A blank form: one empty session, free, nothing chosen. */
export function newEventValues(): EventFormValues {
  return {
    title: '',
    description: null,
    organiserId: '',
    audience: '',
    isFree: 'true',
    cost: '',
    mode: '',
    platform: '',
    venueName: '',
    venueAddress: '',
    registrationUrl: '',
    registrationContact: '',
    registrationOpens: EMPTY_DATE,
    registrationDeadline: EMPTY_DATE,
    saveTheDate: false,
    presenterIds: [],
    topicIds: [],
    sessions: [EMPTY_SESSION],
  };
}

/** The plain text fields, the same in a stored event, a stored submission and the form. */
const TEXT_FIELDS = ['organiserId', 'audience', 'cost', 'platform', 'venueName', 'venueAddress', 'registrationUrl', 'registrationContact'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

const textValues = (read: (name: TextField) => string | null | undefined) =>
  Object.fromEntries(TEXT_FIELDS.map((name) => [name, read(name) ?? ''])) as Record<TextField, string>;

const dateValue = (d: Partial<DateFields> | undefined): DateValue => ({ day: d?.day ?? '', month: d?.month ?? '', year: d?.year ?? '' });

/** A stored event as form values, dates and times in London. */
export function eventValues(e: EventForEdit): EventFormValues {
  return {
    ...textValues((name) => e[name]),
    title: e.title,
    description: e.description,
    isFree: e.isFree ? 'true' : 'false',
    mode: e.mode,
    registrationOpens: dateValue(dateToFields(e.registrationOpensAt, 'instant')),
    registrationDeadline: dateValue(dateToFields(e.registrationDeadline, 'calendar')),
    saveTheDate: e.saveTheDate,
    presenterIds: e.presenters.map((p) => p.personId),
    topicIds: e.topics.map((t) => t.topicId),
    sessions: e.sessions.map((s): SessionValue => {
      const f = sessionToFields(s);
      return { id: s.id, ...dateValue(f), startTime: f.startTime ?? '', endTime: f.endTime ?? '', allDay: s.allDay, label: f.label ?? '' };
    }),
  };
}

/** A contributor's stored submission (or none: a blank form) as form values. */
export function storedEventValues(saved?: { title: string; body: unknown; eventData: StoredEventData }): EventFormValues {
  const blank = { ...newEventValues(), isFree: '' as const };
  if (!saved) return blank;
  const d = saved.eventData;
  return {
    ...textValues((name) => d[name]),
    title: saved.title,
    description: saved.body,
    isFree: d.isFree ? 'true' : 'false',
    mode: d.mode,
    registrationOpens: dateValue(d.registrationOpens),
    registrationDeadline: dateValue(d.registrationDeadline),
    saveTheDate: d.saveTheDate,
    presenterIds: d.presenterIds,
    topicIds: d.topicIds ?? [],
    sessions: d.sessions.length
      ? d.sessions.map((s) => ({ ...dateValue(s), startTime: s.startTime ?? '', endTime: s.endTime ?? '', allDay: s.allDay, label: s.label ?? '' }))
      : [EMPTY_SESSION],
  };
}

const SESSION_INDEX = /^sessions\.(\d{1,2})\./;

/**
 * What was submitted, after a failed submit, else `initial`. Without JavaScript the page
 * is rendered again from the action's state, so the form starts from these values.
 * An absent checkbox or radio was not ticked; an absent text field was not shown.
 */
export function keptEventValues(state: ActionState, initial: EventFormValues): EventFormValues {
  if (state.status !== 'error' || !state.values) return initial;
  const v = state.values;
  const text = (name: string, fallback: string) => (typeof v[name] === 'string' ? (v[name] as string) : fallback);
  const list = (name: string, fallback: string[]) => {
    const x = v[name];
    if (typeof x === 'string') return [x];
    return Array.isArray(x) ? x.filter((i): i is string => typeof i === 'string') : fallback;
  };
  const date = (group: 'registrationOpens' | 'registrationDeadline'): DateValue => ({
    day: text(`${group}.day`, initial[group].day),
    month: text(`${group}.month`, initial[group].month),
    year: text(`${group}.year`, initial[group].year),
  });
  const count = Math.max(0, ...Object.keys(v).map((k) => Number(SESSION_INDEX.exec(k)?.[1] ?? -1) + 1));
  const sessions = Array.from({ length: count }, (_, i): SessionValue => {
    const f = (field: string) => text(`sessions.${i}.${field}`, '');
    const id = f('id');
    return { ...(id ? { id } : {}), day: f('day'), month: f('month'), year: f('year'), startTime: f('startTime'), endTime: f('endTime'), allDay: f('allDay') === 'true', label: f('label') };
  });
  const mode = text('mode', '');
  const isFree = text('isFree', '');
  return {
    title: text('title', initial.title),
    description: text('description', '') || initial.description,
    ...textValues((name) => text(name, initial[name])),
    isFree: isFree === 'true' || isFree === 'false' ? isFree : '',
    mode: (EVENT_MODES as readonly string[]).includes(mode) ? (mode as EventModeValue) : '',
    registrationOpens: date('registrationOpens'),
    registrationDeadline: date('registrationDeadline'),
    saveTheDate: v.saveTheDate === 'true',
    presenterIds: list('presenterIds', []),
    topicIds: list('topicIds', []),
    sessions: sessions.length ? sessions : initial.sessions,
  };
}

/** The form's values as the flat fields the action receives (used for live warnings). */
export function flatEventValues(v: EventFormValues): Record<string, unknown> {
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
