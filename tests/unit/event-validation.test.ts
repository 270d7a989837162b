import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createEventSchema,
  eventInputSchema,
  eventWarnings,
  formWarnings,
  nestEventFields,
  sessionToFields,
  toEventWriteData,
  updateEventSchema,
  type EventInput,
} from '@/lib/validation/events';
import { londonInstant, parseGovukDate, parseTime } from '@/lib/dates';

type Raw = Record<string, unknown>;

/** A valid online event as flat form fields; `extra` adds or overrides fields. */
function form(extra: Raw = {}): Raw {
  return {
    title: 'Who’s Got You? – For Managers',
    description: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A course.' }] }] }),
    isFree: 'true',
    mode: 'ONLINE',
    platform: 'Microsoft Teams',
    registrationContact: 'Book through the Teaching Partnership',
    'sessions.0.day': '4',
    'sessions.0.month': '11',
    'sessions.0.year': '2025',
    'sessions.0.startTime': '09:30',
    'sessions.0.endTime': '12:30',
    ...extra,
  };
}

function errorsOf(raw: unknown) {
  const r = eventInputSchema.safeParse(raw);
  if (r.success) throw new Error('expected the input to be refused');
  const flat = z.flattenError(r.error);
  return { formErrors: flat.formErrors, fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>, issues: r.error.issues };
}

function parse(raw: unknown): EventInput {
  const r = eventInputSchema.safeParse(raw);
  if (!r.success) throw new Error(JSON.stringify(z.flattenError(r.error)));
  return r.data;
}

describe('nestEventFields', () => {
  it('turns indexed form fields into sessions and GOV.UK date groups', () => {
    const fd = new FormData();
    fd.append('title', 'T');
    fd.append('sessions.1.day', '2');
    fd.append('sessions.0.day', '1');
    fd.append('sessions.0.allDay', 'true');
    fd.append('registrationDeadline.day', '9');
    fd.append('presenterIds', 'a');
    fd.append('presenterIds', 'b');
    fd.append('$ACTION_ID_123', '');
    expect(nestEventFields(fd)).toEqual({
      title: 'T',
      sessions: [{ day: '1', allDay: 'true' }, { day: '2' }],
      registrationDeadline: { day: '9' },
      presenterIds: ['a', 'b'],
    });
  });

  it('leaves nested input as it is', () => {
    const nested = { title: 'T', sessions: [{ day: '1' }], presenterIds: ['x'] };
    expect(nestEventFields(nested)).toEqual(nested);
  });

  it('turns a single presenter into a list', () => {
    expect(nestEventFields({ presenterIds: 'x' })).toEqual({ presenterIds: ['x'] });
  });
});

describe('sessions in Europe/London', () => {
  it('stores GMT wall-clock times as the same UTC instants in winter', () => {
    const e = parse(form());
    expect(e.sessions[0]!.startsAt.toISOString()).toBe('2025-11-04T09:30:00.000Z');
    expect(e.sessions[0]!.endsAt.toISOString()).toBe('2025-11-04T12:30:00.000Z');
  });

  it('subtracts an hour in British Summer Time', () => {
    const e = parse(form({ 'sessions.0.day': '24', 'sessions.0.month': '10', 'sessions.0.year': '2026' }));
    expect(e.sessions[0]!.startsAt.toISOString()).toBe('2026-10-24T08:30:00.000Z');
  });

  it('handles the day the clocks go back (25 October 2026): a 9:30 session is GMT', () => {
    const e = parse(form({ 'sessions.0.day': '25', 'sessions.0.month': '10', 'sessions.0.year': '2026' }));
    expect(e.sessions[0]!.startsAt.toISOString()).toBe('2026-10-25T09:30:00.000Z');
  });

  it('handles the day the clocks go forward (29 March 2026)', () => {
    const e = parse(form({ 'sessions.0.day': '29', 'sessions.0.month': '3', 'sessions.0.year': '2026', 'sessions.0.startTime': '00:30', 'sessions.0.endTime': '03:00' }));
    // 00:30 GMT, 03:00 BST: two and a half wall-clock hours but only one and a half real ones.
    expect(e.sessions[0]!.startsAt.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(e.sessions[0]!.endsAt.toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('refuses a time that does not exist because the clocks go forward', () => {
    const { fieldErrors } = errorsOf(form({ 'sessions.0.day': '29', 'sessions.0.month': '3', 'sessions.0.year': '2026', 'sessions.0.startTime': '01:30', 'sessions.0.endTime': '03:00' }));
    expect(fieldErrors['sessions.0.startTime']?.[0]).toMatch(/^Session 1: 01:30 does not exist on 29\/3\/2026/);
  });

  it('takes the first 1:30am when the clocks go back and the hour repeats', () => {
    expect(londonInstant({ year: 2026, month: 10, day: 25 }, '01:30')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant({ year: 2026, month: 10, day: 25 }, '02:00')!.toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('makes all-day sessions run midnight to midnight London, 25 hours long when the clocks go back', () => {
    const e = parse(form({ 'sessions.0.day': '25', 'sessions.0.month': '10', 'sessions.0.year': '2026', 'sessions.0.allDay': 'true', 'sessions.0.startTime': '', 'sessions.0.endTime': '' }));
    const s = e.sessions[0]!;
    expect(s.allDay).toBe(true);
    expect(s.startTime).toBeNull();
    expect(s.startsAt.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(s.endsAt.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('accepts 29 February in a leap year and refuses it otherwise', () => {
    expect(parse(form({ 'sessions.0.day': '29', 'sessions.0.month': '2', 'sessions.0.year': '2028' })).sessions[0]!.date).toEqual({ year: 2028, month: 2, day: 29 });
    expect(errorsOf(form({ 'sessions.0.day': '29', 'sessions.0.month': '2', 'sessions.0.year': '2027' })).fieldErrors['sessions.0.date']).toEqual([
      'Session 1: the date must be a real date',
    ]);
  });

  it('refuses 31 November', () => {
    expect(errorsOf(form({ 'sessions.0.day': '31', 'sessions.0.month': '11' })).fieldErrors['sessions.0.date']).toEqual([
      'Session 1: the date must be a real date',
    ]);
  });

  it('reports each session’s problems on its own fields, all at once', () => {
    const { fieldErrors } = errorsOf(
      form({
        title: '',
        'sessions.1.day': '5',
        'sessions.1.month': '',
        'sessions.1.year': '2025',
        'sessions.1.startTime': '',
        'sessions.1.endTime': '25:00',
        'sessions.2.day': '6',
        'sessions.2.month': '11',
        'sessions.2.year': '2025',
        'sessions.2.startTime': '14:00',
        'sessions.2.endTime': '13:00',
      }),
    );
    expect(fieldErrors.title).toEqual(['Enter a title']);
    expect(fieldErrors['sessions.1.date']).toEqual(['Session 2: the date must include a month']);
    expect(fieldErrors['sessions.1.startTime']).toEqual(['Session 2: enter a start time']);
    expect(fieldErrors['sessions.1.endTime']?.[0]).toMatch(/^Session 2: enter the end time as hours and minutes/);
    expect(fieldErrors['sessions.2.endTime']).toEqual(['Session 3: the end time must be after the start time']);
    expect(fieldErrors['sessions.0.date']).toBeUndefined();
  });

  it('refuses an end time equal to the start time', () => {
    expect(errorsOf(form({ 'sessions.0.endTime': '09:30' })).fieldErrors['sessions.0.endTime']).toEqual([
      'Session 1: the end time must be after the start time',
    ]);
  });

  it('needs at least one session and at most 20', () => {
    const none = form();
    for (const k of Object.keys(none)) if (k.startsWith('sessions.')) delete none[k];
    expect(errorsOf(none).fieldErrors.sessions).toEqual(['Add at least one session']);
    const many: Raw = form();
    for (let i = 0; i <= 20; i++) Object.assign(many, { [`sessions.${i}.day`]: '4', [`sessions.${i}.month`]: '11', [`sessions.${i}.year`]: '2025', [`sessions.${i}.allDay`]: 'true' });
    expect(errorsOf(many).fieldErrors.sessions).toEqual(['An event can have up to 20 sessions']);
  });

  it('reports a gap in the session numbering', () => {
    const { fieldErrors } = errorsOf(form({ 'sessions.2.day': '5', 'sessions.2.month': '11', 'sessions.2.year': '2025', 'sessions.2.allDay': 'true' }));
    expect(fieldErrors['sessions.1.date']).toEqual(['Session 2: enter the date']);
  });

  it('keeps the id of an edited session and refuses a malformed one', () => {
    const id = '33333333-3333-4333-8333-333333333333';
    expect(parse(form({ 'sessions.0.id': id })).sessions[0]!.id).toBe(id);
    expect(parse(form()).sessions[0]!.id).toBeNull();
    expect(errorsOf(form({ 'sessions.0.id': 'x' })).fieldErrors['sessions.0.date']).toEqual(['Session 1: this session cannot be edited; reload the page']);
  });

  it('keeps labels and trims them', () => {
    expect(parse(form({ 'sessions.0.label': '  Practice Educators only ' })).sessions[0]!.label).toBe('Practice Educators only');
  });
});

describe('GOV.UK dates and times', () => {
  it('names the missing parts', () => {
    expect(parseGovukDate({ day: '1', month: '', year: '' }, 'the date')).toMatchObject({ ok: false, problem: { message: 'The date must include a month and year', parts: ['month', 'year'] } });
    expect(parseGovukDate({}, 'the date')).toMatchObject({ ok: false, empty: true, problem: { message: 'Enter the date' } });
    expect(parseGovukDate({ day: '1', month: '2', year: '25' }, 'the date')).toMatchObject({ ok: false, problem: { message: 'Year must include 4 numbers', parts: ['year'] } });
  });

  it('accepts month names', () => {
    expect(parseGovukDate({ day: '27', month: 'March', year: '2027' }, 'x')).toEqual({ ok: true, date: { year: 2027, month: 3, day: 27 } });
    expect(parseGovukDate({ day: '27', month: 'sept', year: '2027' }, 'x')).toEqual({ ok: true, date: { year: 2027, month: 9, day: 27 } });
    expect(parseGovukDate({ day: '27', month: 'marc', year: '2027' }, 'x').ok).toBe(false);
  });

  it('reads 24-hour and am/pm times', () => {
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('0930')).toBe('09:30');
    expect(parseTime('14.00')).toBe('14:00');
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('2:30pm')).toBe('14:30');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('9:60')).toBeNull();
    expect(parseTime('noon')).toBeNull();
  });

  it('turns a stored session back into the form fields', () => {
    const e = parse(form({ 'sessions.0.day': '24', 'sessions.0.month': '10', 'sessions.0.year': '2026' }));
    expect(sessionToFields(e.sessions[0]!)).toEqual({ day: '24', month: '10', year: '2026', startTime: '09:30', endTime: '12:30', allDay: false, label: '' });
  });
});

describe('other fields', () => {
  it('needs a cost when the event is not free, and drops it when free', () => {
    expect(errorsOf(form({ isFree: 'false' })).fieldErrors.cost).toEqual(['Enter the cost, for example £95 per delegate']);
    expect(parse(form({ isFree: 'false', cost: '£95 per delegate' })).cost).toBe('£95 per delegate');
    expect(parse(form({ isFree: 'true', cost: '£95' })).cost).toBeNull();
    expect(errorsOf(form({ isFree: undefined })).fieldErrors.isFree).toEqual(['Say whether the event is free']);
  });

  it('needs a platform online and a venue in person; hybrid needs both', () => {
    expect(errorsOf(form({ platform: '' })).fieldErrors.platform).toEqual(['Enter the platform, for example Microsoft Teams']);
    const hybrid = errorsOf(form({ mode: 'HYBRID', platform: '' })).fieldErrors;
    expect(Object.keys(hybrid).sort()).toEqual(['platform', 'venueAddress', 'venueName']);
    const inPerson = parse(form({ mode: 'IN_PERSON', venueName: 'Molineux', venueAddress: 'Waterloo Road, Wolverhampton' }));
    expect(inPerson.platform).toBeNull();
    expect(errorsOf(form({ mode: 'BOAT' })).fieldErrors.mode).toEqual(['Choose whether the event is online, in person or hybrid']);
  });

  it('accepts only https registration links', () => {
    expect(parse(form({ registrationUrl: 'https://www.eventbrite.co.uk/e/123' })).registrationUrl).toBe('https://www.eventbrite.co.uk/e/123');
    for (const bad of ['http://example.org', 'javascript:alert(1)', 'mailto:a@b.org', '/events', 'https://', 'https://exa mple.org', 'java\tscript:alert(1)']) {
      expect(errorsOf(form({ registrationUrl: bad })).fieldErrors.registrationUrl?.[0], bad).toMatch(/starts with https:\/\//);
    }
  });

  it('rejects unknown fields at every level', () => {
    for (const extra of [{ version: '3' }, { createdById: 'x' }, { slug: 'x' }, { 'sessions.0.startsAt': '2025-01-01' }]) {
      const r = eventInputSchema.safeParse(form(extra));
      expect(r.success).toBe(false);
      expect(r.error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
    }
    const nested = eventInputSchema.safeParse({ ...parseableNested(), sessions: [{ day: '1', month: '1', year: '2026', allDay: true, startsAt: 'x' }] });
    expect(nested.success).toBe(false);
    expect(nested.error!.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('validates the description against the rich-text allowlist', () => {
    const bad = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] });
    expect(errorsOf(form({ description: bad })).fieldErrors.description?.[0]).toMatch(/^The description cannot be saved: .*is not allowed/);
    expect(errorsOf(form({ description: '{not json' })).fieldErrors.description).toEqual(['The description is not valid editor content']);
    expect(parse(form({ description: '' })).description).toEqual({ type: 'doc', content: [] });
  });

  it('checks presenter ids and removes repeats, keeping the order', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(parse(form({ presenterIds: [b, a, b] })).presenterIds).toEqual([b, a]);
    expect(errorsOf(form({ presenterIds: ['nope'] })).fieldErrors.presenterIds).toEqual(['Choose presenters from the list']);
  });

  it('checks the registration dates', () => {
    const e = parse(form({ 'registrationOpens.day': '1', 'registrationOpens.month': '9', 'registrationOpens.year': '2025', 'registrationDeadline.day': '13', 'registrationDeadline.month': '10', 'registrationDeadline.year': '2025' }));
    const data = toEventWriteData(e);
    // Opens at midnight London (BST), the deadline is a calendar date.
    expect(data.fields.registrationOpensAt?.toISOString()).toBe('2025-08-31T23:00:00.000Z');
    expect(data.fields.registrationDeadline?.toISOString()).toBe('2025-10-13T00:00:00.000Z');
    expect(errorsOf(form({ 'registrationDeadline.day': '31', 'registrationDeadline.month': '9', 'registrationDeadline.year': '2025' })).fieldErrors.registrationDeadline).toEqual([
      'The register-by date must be a real date',
    ]);
    expect(
      errorsOf(form({ 'registrationOpens.day': '2', 'registrationOpens.month': '10', 'registrationOpens.year': '2025', 'registrationDeadline.day': '1', 'registrationDeadline.month': '10', 'registrationDeadline.year': '2025' })).fieldErrors
        .registrationDeadline,
    ).toEqual(['The register-by date must be on or after the date registration opens']);
    // All three parts left empty means "no date".
    expect(parse(form({ 'registrationDeadline.day': '', 'registrationDeadline.month': '', 'registrationDeadline.year': '' })).registrationDeadline).toBeNull();
  });

  it('builds the Prisma write data with sessions and presenter positions', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const e = parse(form({ presenterIds: [a], 'sessions.1.day': '5', 'sessions.1.month': '11', 'sessions.1.year': '2025', 'sessions.1.allDay': 'true', 'sessions.1.label': 'Practice Educators only' }));
    const data = toEventWriteData(e);
    expect(data.sessions).toEqual([
      { id: null, startsAt: new Date('2025-11-04T09:30:00Z'), endsAt: new Date('2025-11-04T12:30:00Z'), allDay: false, label: null },
      { id: null, startsAt: new Date('2025-11-05T00:00:00Z'), endsAt: new Date('2025-11-06T00:00:00Z'), allDay: true, label: 'Practice Educators only' },
    ]);
    expect(data.presenters).toEqual([{ personId: a, position: 0 }]);
    expect(data.fields).not.toHaveProperty('sessions');
  });

  it('has create (optional section) and update (id and version) variants', () => {
    expect(createEventSchema.safeParse(form({ sectionId: '' })).data?.sectionId).toBeNull();
    expect(createEventSchema.safeParse(form({ sectionId: 'x' })).success).toBe(false);
    const id = '11111111-1111-4111-8111-111111111111';
    expect(updateEventSchema.safeParse(form({ id, version: '4' })).data).toMatchObject({ id, version: 4 });
    expect(updateEventSchema.safeParse(form({ id })).success).toBe(false);
  });
});

function parseableNested() {
  return { title: 'T', isFree: true, mode: 'ONLINE', platform: 'Teams', registrationContact: 'x' };
}

describe('eventWarnings', () => {
  const base = (extra: Raw = {}) => parse(form({ 'sessions.1.day': '25', 'sessions.1.month': '11', 'sessions.1.year': '2025', 'sessions.1.startTime': '9:30', 'sessions.1.endTime': '12:30', ...extra }));
  const deadline = (day: string, month: string) => ({ 'registrationDeadline.day': day, 'registrationDeadline.month': month, 'registrationDeadline.year': '2025' });

  it('warns when the register-by date is after the last session', () => {
    expect(eventWarnings(base(deadline('26', '11')))).toEqual(['The register-by date is after the last session']);
  });

  it('does not warn for a deadline before the first session or on the last day', () => {
    expect(eventWarnings(base(deadline('13', '10')))).toEqual([]);
    expect(eventWarnings(base(deadline('3', '11')))).toEqual([]);
  });

  it('notes a deadline between the first and last sessions', () => {
    expect(eventWarnings(base(deadline('25', '11')))).toEqual(['The register-by date is after the first session, so people could book part-way through']);
  });

  it('counts an all-day last session as ending on its own day', () => {
    const e = parse(form({ 'sessions.0.allDay': 'true', ...deadline('4', '11') }));
    expect(eventWarnings(e)).toEqual([]);
    expect(eventWarnings({ ...e, registrationDeadline: { year: 2025, month: 11, day: 5 } })).toEqual(['The register-by date is after the last session']);
  });

  it('warns when registration opens after the first session, about repeated sessions and a missing booking route', () => {
    const e = base({ 'registrationOpens.day': '10', 'registrationOpens.month': '11', 'registrationOpens.year': '2025', 'sessions.2.day': '4', 'sessions.2.month': '11', 'sessions.2.year': '2025', 'sessions.2.startTime': '09:30', 'sessions.2.endTime': '12:30', registrationContact: '' });
    expect(eventWarnings(e)).toEqual([
      'Registration opens after the first session',
      'Session 3 is at the same time as session 1',
      'There is no registration link or contact, so readers will not know how to book',
    ]);
    expect(eventWarnings({ ...e, saveTheDate: true, registrationOpens: null, sessions: e.sessions.slice(0, 2) })).toEqual([]);
  });

  it('works on a half-filled form', () => {
    expect(formWarnings(form({ title: '', 'sessions.1.day': 'x', ...deadline('30', '11') }))).toEqual(['The register-by date is after the last session']);
  });
});
