import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '@/lib/import/parse-text';
import type { BulletinDraft } from '@/lib/import/types';

// Bulletins in shapes the two real ones do not have: Markdown and capitals headings,
// no events, no intro heading, labelled venues and costs, pasted-from-Word spacing.
const allFlags = (d: BulletinDraft) => [
  ...d.flags,
  ...d.sections.flatMap((s) => [...s.flags, ...s.events.flatMap((e) => e.flags)]),
];

describe('importing a bulletin with no events and Markdown headings', () => {
  const draft = parseBulletinText(
    [
      'Regional Update – March 2026',
      '',
      'Spring brings new starts across the region.',
      'Thank you for everything you do.',
      'Best wishes,',
      'Sally Giles',
      '',
      '## News from Coventry',
      'Coventry opened a new family hub this month.',
      '',
      '## Workforce',
      '· Forty new social workers joined',
      '· Two apprenticeships began',
    ].join('\n'),
  );

  it('reads the month, an unheaded intro with its sign-off, and each section', () => {
    expect(draft.month).toBe('2026-03-01');
    expect(draft.sections.map((s) => [s.kind, s.title])).toEqual([
      ['INTRO', 'Introduction'],
      ['ARTICLE', 'News from Coventry'],
      ['ARTICLE', 'Workforce'],
    ]);
    const intro = draft.sections[0]!;
    expect([intro.signOff, intro.signatory]).toEqual(['Best wishes', 'Sally Giles']);
    expect(intro.flags).toContainEqual({ field: 'title', reason: 'The introduction has no heading; add one' });
    expect(draft.sections[2]!.blocks).toEqual([
      { type: 'bullet', text: 'Forty new social workers joined', lines: [11] },
      { type: 'bullet', text: 'Two apprenticeships began', lines: [12] },
    ]);
  });

  it('finds no events', () => {
    expect(draft.sections.flatMap((s) => s.events)).toEqual([]);
  });
});

describe('importing capitals headings and labelled event details', () => {
  const draft = parseBulletinText(
    [
      'Regional Update – November 2025',
      'NEWS FROM THE REGION',
      'Walsall   Council  opened a new hub.',
      'TRAINING AND EVENTS',
      'Leading Through Change – £25 + VAT',
      'Date: Tuesday 3rd March',
      'Time: 2pm – 4pm',
      'Venue: The Council House, Victoria Square, Birmingham',
      'Register by: 20th February Book on the council site',
      'Presented by Dr Amy Lee and Tom Shaw from Coventry City Council',
      'Two-day Leaders Retreat',
      'Dates: 6–7 Jan',
      'Platform: Zoom and in person at the hub',
      'Hybrid Practice Forum',
      'Date: 12th December',
      'Platform: Big Blue Button',
    ].join('\n'),
  );
  const [news, events] = draft.sections;

  it('splits at capitals headings and tidies pasted spacing', () => {
    expect(draft.sections.map((s) => [s.kind, s.title])).toEqual([
      ['ARTICLE', 'NEWS FROM THE REGION'],
      ['EVENT_LIST', 'TRAINING AND EVENTS'],
    ]);
    expect(news!.blocks[0]!.text).toBe('Walsall Council opened a new hub.');
  });

  it('reads cost, venue, times, a March date after a November issue as next year, register-by and presenters', () => {
    const e = events!.events[0]!;
    expect(e).toMatchObject({
      title: 'Leading Through Change',
      isFree: false,
      cost: '£25 + VAT',
      mode: 'IN_PERSON',
      venueName: 'The Council House',
      venueAddress: 'Victoria Square, Birmingham',
      registrationDeadline: '2026-02-20',
      registrationContact: 'Book on the council site',
      presenters: ['Dr Amy Lee', 'Tom Shaw'],
      presenterOrganisation: 'Coventry City Council',
    });
    expect(e.sessions.map((s) => [s.date, s.start, s.end, s.startsAt.toISOString()])).toEqual([
      ['2026-03-03', '14:00', '16:00', '2026-03-03T14:00:00.000Z'],
    ]);
    expect(e.flags).toContainEqual({
      field: 'sessions',
      reason: 'No year given for “Tuesday 3rd March”; read as 2026 from the issue month',
    });
  });

  it('turns a day range into one all-day session a day, in the next year, and sees a hybrid event', () => {
    const e = events!.events[1]!;
    expect(e.sessions.map((s) => [s.date, s.allDay])).toEqual([
      ['2026-01-06', true],
      ['2026-01-07', true],
    ]);
    expect(e.mode).toBe('HYBRID');
    expect(e.platform).toBe('Zoom');
    expect(e.flags).toContainEqual({ field: 'price', reason: 'No price stated; taken as free' });
  });

  it('flags a platform it does not know rather than guessing where it ends', () => {
    const e = events!.events[2]!;
    expect(e.platform).toBe('Big Blue Button');
    expect(e.flags.map((f) => f.field)).toContain('platform');
  });
});

describe('what the importer cannot read is flagged, never dropped', () => {
  it('flags an empty paste', () => {
    expect(parseBulletinText('  \n\n').flags).toEqual([{ field: 'title', reason: 'The text is empty' }]);
  });

  it('uses a given month when the title names none, and says so', () => {
    const draft = parseBulletinText('Our news\n\nSome text here about the region.', { year: 2025, month: 10 });
    expect(draft.month).toBe('2025-10-01');
    expect(draft.flags[0]!.field).toBe('month');
    expect(draft.sections[0]).toMatchObject({ title: 'Untitled section', kind: 'ARTICLE' });
    expect(draft.sections[0]!.blocks.map((b) => b.text)).toEqual(['Some text here about the region.']);
  });

  it('flags a weekday that does not match the date, and an event with no date', () => {
    const draft = parseBulletinText(
      [
        'Regional Update – October 2025',
        'Upcoming Events',
        'Wrong Day Workshop – FREE',
        'Date: Friday 4th November',
        'Dateless Drop-in – FREE',
        'Come along any time.',
      ].join('\n'),
    );
    const [wrong, dateless] = draft.sections[0]!.events;
    expect(wrong!.flags).toContainEqual({
      field: 'sessions',
      reason: '“Friday 4th November” names a weekday that 2025-11-04 is not',
    });
    expect(dateless!.sessions).toEqual([]);
    expect(dateless!.flags).toContainEqual({ field: 'sessions', reason: 'No date found; add the sessions' });
    expect(dateless!.description).toEqual(['Come along any time.']);
  });

  it('does not make a session at a time the clocks skip', () => {
    const draft = parseBulletinText(
      [
        'Regional Update – March 2026',
        'Upcoming Events',
        'Night Shift Forum – FREE',
        'Date: 29th March 2026',
        'Time: 01:30 – 02:30',
      ].join('\n'),
    );
    const e = draft.sections[0]!.events[0]!;
    expect(e.sessions).toEqual([]);
    expect(allFlags(draft)).toContainEqual({
      field: 'sessions',
      reason: '2026-03-29 01:30 does not exist in London (the clocks go forward)',
    });
  });
});
