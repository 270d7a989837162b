import type { EventForEdit } from '@/lib/data/events-admin';
import { dateToFields, sessionToFields, type EventModeValue } from '@/lib/validation/events';
import type { DateValue } from './date-input';

// The event form's values (all strings, as typed) and how stored events become them.
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

/** A stored event as form values, dates and times in London. */
export function eventValues(e: EventForEdit): EventFormValues {
  const date = (d: Date | null, kind: 'calendar' | 'instant') => {
    const f = dateToFields(d, kind);
    return { day: f.day ?? '', month: f.month ?? '', year: f.year ?? '' };
  };
  return {
    title: e.title,
    description: e.description,
    organiserId: e.organiserId ?? '',
    audience: e.audience ?? '',
    isFree: e.isFree ? 'true' : 'false',
    cost: e.cost ?? '',
    mode: e.mode,
    platform: e.platform ?? '',
    venueName: e.venueName ?? '',
    venueAddress: e.venueAddress ?? '',
    registrationUrl: e.registrationUrl ?? '',
    registrationContact: e.registrationContact ?? '',
    registrationOpens: date(e.registrationOpensAt, 'instant'),
    registrationDeadline: date(e.registrationDeadline, 'calendar'),
    saveTheDate: e.saveTheDate,
    presenterIds: e.presenters.map((p) => p.personId),
    topicIds: e.topics.map((t) => t.topicId),
    sessions: e.sessions.map((s): SessionValue => {
      const f = sessionToFields(s);
      return {
        id: s.id,
        day: f.day ?? '',
        month: f.month ?? '',
        year: f.year ?? '',
        startTime: f.startTime ?? '',
        endTime: f.endTime ?? '',
        allDay: s.allDay,
        label: f.label ?? '',
      };
    }),
  };
}
