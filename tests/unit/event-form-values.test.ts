import { describe, expect, it } from 'vitest';
import { flatEventValues, keptEventValues, newEventValues, storedEventValues } from '@/components/admin/events/form-values';
import type { ActionState } from '@/lib/actions/state';
import { formWarnings } from '@/lib/validation/events';

// Both event forms start from these values: a stored submission, or (after a failed
// submit without JavaScript, when the page is rendered again) what was sent.

const failed = (values: Record<string, unknown>): ActionState => ({ status: 'error', code: 400, message: 'Check', values });

describe('storedEventValues', () => {
  it('is a blank form with no cost choice made when there is no submission', () => {
    const v = storedEventValues();
    expect(v.isFree).toBe('');
    expect(v.sessions).toHaveLength(1);
    expect(v.title).toBe('');
  });

  it('fills every field from a stored submission', () => {
    const v = storedEventValues({
      title: 'Kinship care',
      body: { type: 'doc', content: [] },
      eventData: {
        isFree: false,
        cost: '£95',
        mode: 'HYBRID',
        platform: 'Teams',
        venueName: 'The Lighthouse',
        saveTheDate: true,
        presenterIds: [],
        topicIds: ['t1'],
        registrationDeadline: { day: '1', month: '3', year: '2027' },
        sessions: [
          { day: '12', month: '3', year: '2027', startTime: '09:30', endTime: '12:30', allDay: false, label: 'Morning' },
          { day: '13', month: '3', year: '2027', allDay: true },
        ],
      },
    });
    expect(v).toMatchObject({ title: 'Kinship care', isFree: 'false', cost: '£95', mode: 'HYBRID', platform: 'Teams', saveTheDate: true, topicIds: ['t1'] });
    expect(v.registrationDeadline).toEqual({ day: '1', month: '3', year: '2027' });
    expect(v.registrationOpens).toEqual({ day: '', month: '', year: '' });
    expect(v.sessions).toEqual([
      { day: '12', month: '3', year: '2027', startTime: '09:30', endTime: '12:30', allDay: false, label: 'Morning' },
      { day: '13', month: '3', year: '2027', startTime: '', endTime: '', allDay: true, label: '' },
    ]);
  });
});

describe('keptEventValues', () => {
  const initial = { ...newEventValues(), title: 'Saved title', platform: 'Saved platform', topicIds: ['saved'] };

  it('is the initial values before any submit and after a successful one', () => {
    expect(keptEventValues({ status: 'idle' }, initial)).toBe(initial);
    expect(keptEventValues({ status: 'success', message: 'Saved' }, initial)).toBe(initial);
  });

  it('puts back what was sent, sessions and all, after a failed submit', () => {
    const v = keptEventValues(
      failed({
        title: 'Typed title',
        mode: 'IN_PERSON',
        isFree: 'false',
        cost: '£10',
        'registrationOpens.day': '2',
        'sessions.0.id': 's1',
        'sessions.0.day': '12',
        'sessions.0.month': '3',
        'sessions.0.year': '2027',
        'sessions.0.startTime': '13:00',
        'sessions.0.endTime': '10:00',
        'sessions.0.label': '',
        'sessions.1.day': '13',
        'sessions.1.month': '3',
        'sessions.1.year': '2027',
        'sessions.1.allDay': 'true',
        'sessions.1.label': 'Day two',
        topicIds: ['a', 'b'],
        saveTheDate: 'true',
      }),
      initial,
    );
    expect(v).toMatchObject({ title: 'Typed title', mode: 'IN_PERSON', isFree: 'false', cost: '£10', saveTheDate: true, topicIds: ['a', 'b'] });
    expect(v.registrationOpens).toEqual({ day: '2', month: '', year: '' });
    expect(v.sessions).toEqual([
      { id: 's1', day: '12', month: '3', year: '2027', startTime: '13:00', endTime: '10:00', allDay: false, label: '' },
      { day: '13', month: '3', year: '2027', startTime: '', endTime: '', allDay: true, label: 'Day two' },
    ]);
  });

  it('keeps the saved value of a field that was not shown, and reads absent boxes as unticked', () => {
    const v = keptEventValues(failed({ title: 'T', topicIds: 'only-one' }), { ...initial, saveTheDate: true });
    expect(v.platform).toBe('Saved platform');
    expect(v.saveTheDate).toBe(false);
    expect(v.topicIds).toEqual(['only-one']);
    expect(keptEventValues(failed({ title: 'T' }), initial).topicIds).toEqual([]);
    // No session fields at all (a hand-made request): the saved sessions stay.
    expect(keptEventValues(failed({ title: 'T' }), initial).sessions).toBe(initial.sessions);
  });

  it('refuses a mode or cost choice that is not one of the radios', () => {
    const v = keptEventValues(failed({ mode: 'SPACE', isFree: 'maybe' }), initial);
    expect(v.mode).toBe('');
    expect(v.isFree).toBe('');
  });
});

describe('flatEventValues', () => {
  it('gives the live warnings the fields the action would receive', () => {
    const v = storedEventValues();
    v.sessions = [{ day: '12', month: '3', year: '2027', startTime: '', endTime: '', allDay: true, label: '' }];
    v.registrationDeadline = { day: '20', month: '3', year: '2027' };
    expect(flatEventValues(v)).toMatchObject({ 'sessions.0.allDay': 'true', 'registrationDeadline.day': '20' });
    expect(formWarnings(flatEventValues(v))).toEqual(formWarnings({ 'sessions.0.day': '12', 'sessions.0.month': '3', 'sessions.0.year': '2027', 'sessions.0.allDay': 'true', 'registrationDeadline.day': '20', 'registrationDeadline.month': '3', 'registrationDeadline.year': '2027' }));
    expect(formWarnings(flatEventValues(v)).length).toBeGreaterThan(0);
  });
});
