import { describe, expect, it } from 'vitest';
import { introContentHash } from '@/lib/workflow/intro-hash';
import { imageReferences, mediaFileName, publishGate, referencedMediaFiles, type GateSnapshot } from '@/lib/workflow/publish-gate';

const ISSUE = '00000000-0000-4000-8000-000000000001';
const INTRO = '00000000-0000-4000-8000-0000000000a1';
const ARTICLE = '00000000-0000-4000-8000-0000000000a2';
const EVENT = '00000000-0000-4000-8000-0000000000e1';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const img = (src: string, alt: string) => ({ type: 'image', attrs: { src, alt } });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

function snapshot(overrides: Partial<GateSnapshot> = {}): GateSnapshot {
  const intro = { title: 'Welcome', body: doc(para('Hello')), signOff: 'Kind regards', signatoryId: null };
  return {
    issueId: ISSUE,
    live: false,
    intro: { id: INTRO, ...intro, approvalRequestedAt: null, approvedAt: new Date(), approvedContentHash: introContentHash(intro) },
    sections: [{ id: ARTICLE, title: 'News', kind: 'ARTICLE', body: doc(img('/media/a.webp', 'A chart'), img('/media/b.webp', '')), eventCount: 0 }],
    events: [
      { id: EVENT, title: 'Masterclass', sessionCount: 1, registrationUrl: 'https://example.org/book', registrationContact: null, saveTheDate: false, description: doc() },
    ],
    media: [
      { fileName: 'a.webp', alt: 'A chart', decorative: false },
      { fileName: 'b.webp', alt: '', decorative: true },
    ],
    blockingComments: [],
    ...overrides,
  };
}

const byKey = (s: GateSnapshot) => Object.fromEntries(publishGate(s).items.map((i) => [i.key, i]));

describe('publishGate', () => {
  it('passes when every item is met, and lists the five items in order', () => {
    const result = publishGate(snapshot());
    expect(result.passed).toBe(true);
    expect(result.items.map((i) => [i.key, i.met, i.href, i.severity])).toEqual([
      ['intro-approved', true, null, 'blocking'],
      ['events-complete', true, null, 'blocking'],
      ['images-described', true, null, 'blocking'],
      ['no-blocking-comments', true, null, 'blocking'],
      ['no-empty-sections', true, null, 'warning'],
    ]);
  });

  it('with no events, warns “No events in this issue” instead of passing the events item', () => {
    const result = publishGate(snapshot({ events: [] }));
    const events = result.items.find((i) => i.key === 'events-complete')!;
    expect(events).toMatchObject({ label: 'No events in this issue', met: false, severity: 'warning', message: 'No events in this issue.' });
    expect(result.items.map((i) => i.label)).not.toContain('Events have dates and a booking route');
    // A warning does not block publishing.
    expect(result.passed).toBe(true);
  });

  it('blocks an intro with no text, with wording that says what to do', () => {
    const s = snapshot();
    for (const body of [doc(), doc(para('   ')), doc({ type: 'paragraph' }), null]) {
      const result = publishGate(snapshot({ intro: { ...s.intro!, body } }));
      expect(result.passed).toBe(false);
      expect(result.items[0]).toMatchObject({
        key: 'intro-written',
        severity: 'blocking',
        met: false,
        message: 'The intro has no text. Write the intro before submitting it for the sponsor’s approval.',
        href: `/admin/issues/${ISSUE}/sections/${INTRO}`,
      });
    }
    expect(byKey(s)['intro-written']).toBeUndefined();
  });

  it('warns about empty sections (no text, or an event list with no events), which will not be published', () => {
    const s = snapshot();
    const empty = snapshot({
      sections: [
        { id: INTRO, title: 'Welcome', kind: 'INTRO', body: s.intro!.body, eventCount: 0 },
        s.sections[0]!,
        { id: 's2', title: 'Blank article', kind: 'ARTICLE', body: doc(para(' ')), eventCount: 0 },
        { id: 's3', title: 'Online events', kind: 'EVENT_LIST', body: doc(), eventCount: 0 },
        { id: 's4', title: 'In-person events', kind: 'EVENT_LIST', body: doc(), eventCount: 2 },
      ],
    });
    const result = publishGate(empty);
    expect(result.passed).toBe(true);
    expect(byKey(empty)['no-empty-sections']).toMatchObject({
      met: false,
      severity: 'warning',
      message: '2 sections are empty and will not be published.',
      problems: [
        { message: '“Blank article” has no text.', href: `/admin/issues/${ISSUE}/sections/s2` },
        { message: '“Online events” has no events.', href: `/admin/issues/${ISSUE}/sections/s3` },
      ],
    });
    const one = snapshot({ sections: [{ id: 's2', title: 'Blank', kind: 'ARTICLE', body: doc(), eventCount: 0 }] });
    expect(byKey(one)['no-empty-sections']!.message).toBe('1 section is empty and will not be published.');
  });

  it('blocks without an intro, linking to the issue', () => {
    const item = byKey(snapshot({ intro: null }))['intro-approved']!;
    expect(item).toMatchObject({ met: false, message: 'The issue has no intro.', href: `/admin/issues/${ISSUE}` });
  });

  it('blocks an intro changed since approval, and passes again once reverted', () => {
    const s = snapshot();
    const changed = snapshot({ intro: { ...s.intro!, body: doc(para('Hello!')) } });
    expect(publishGate(changed).passed).toBe(false);
    expect(byKey(changed)['intro-approved']).toMatchObject({
      met: false,
      message: 'Intro changed since approval: submit it for approval again.',
      href: `/admin/issues/${ISSUE}/sections/${INTRO}`,
    });
    expect(publishGate(snapshot({ intro: { ...changed.intro!, body: doc(para('Hello')) } })).passed).toBe(true);
  });

  it('on a live issue, asks for the sponsor again rather than a resubmission', () => {
    const s = snapshot({ live: true });
    const changed = snapshot({ live: true, intro: { ...s.intro!, body: doc(para('Hello!')) } });
    expect(byKey(changed)['intro-approved']).toMatchObject({ met: false, message: 'Intro changed since approval: ask the sponsor to approve it again.' });
  });

  it('blocks an intro never submitted or still pending', () => {
    const s = snapshot();
    const never = { ...s.intro!, approvedAt: null, approvedContentHash: null };
    expect(byKey(snapshot({ intro: never }))['intro-approved']!.message).toBe('The intro has not been submitted for sponsor approval.');
    expect(byKey(snapshot({ intro: { ...never, approvalRequestedAt: new Date() } }))['intro-approved']!.message).toBe(
      'The intro is waiting for the sponsor’s approval.',
    );
  });

  it('blocks an event without sessions or a booking route; save the date or a contact is enough', () => {
    const base = snapshot().events[0]!;
    const noDates = snapshot({ events: [{ ...base, sessionCount: 0 }] });
    expect(byKey(noDates)['events-complete']).toMatchObject({
      met: false,
      message: '1 event needs a date or a booking route.',
      href: `/admin/events/${EVENT}`,
      problems: [{ message: '“Masterclass” needs a date.', href: `/admin/events/${EVENT}` }],
    });
    const noRoute = { ...base, registrationUrl: null, registrationContact: '  ' };
    expect(byKey(snapshot({ events: [noRoute] }))['events-complete']!.problems[0]!.message).toBe(
      '“Masterclass” needs a booking link or contact, or “save the date”.',
    );
    expect(byKey(snapshot({ events: [{ ...noRoute, sessionCount: 0 }, { ...noRoute, id: 'x', title: 'Other' }] }))['events-complete']!.message).toBe(
      '2 events need a date or a booking route.',
    );
    expect(publishGate(snapshot({ events: [{ ...noRoute, saveTheDate: true }] })).passed).toBe(true);
    expect(publishGate(snapshot({ events: [{ ...noRoute, registrationContact: 'cpd@example.org' }] })).passed).toBe(true);
  });

  it('blocks images with empty alt unless decorative, and images missing from the library', () => {
    const s = snapshot();
    const notDecorative = snapshot({ media: [s.media[0]!, { fileName: 'b.webp', alt: '', decorative: false }] });
    expect(byKey(notDecorative)['images-described']).toMatchObject({
      met: false,
      message: '1 image needs alt text or the decorative mark.',
      href: `/admin/issues/${ISSUE}/sections/${ARTICLE}`,
      problems: [{ message: 'An image in “News” has no alt text and is not marked decorative.' }],
    });
    const missing = snapshot({ media: [s.media[1]!] });
    expect(byKey(missing)['images-described']!.problems[0]!.message).toBe('An image in “News” is no longer in the media library.');
    // Whitespace is not alt text.
    const blankAlt = snapshot({ sections: [{ ...s.sections[0]!, body: doc(img('/media/a.webp', '   ')) }] });
    expect(byKey(blankAlt)['images-described']!.met).toBe(false);
  });

  it('checks images in featured events’ descriptions too, linking to the event', () => {
    const s = snapshot();
    const withImage = snapshot({ events: [{ ...s.events[0]!, description: doc(img('/media/c.webp', '')) }] });
    expect(byKey(withImage)['images-described']!.problems).toEqual([
      { message: 'An image in the event “Masterclass” is no longer in the media library.', href: `/admin/events/${EVENT}` },
    ]);
  });

  it('blocks unresolved blocking comments, linking to the comment', () => {
    const result = byKey(snapshot({ blockingComments: [{ id: 'c1', sectionId: ARTICLE, sectionTitle: 'News' }] }));
    expect(result['no-blocking-comments']).toMatchObject({
      met: false,
      message: '1 blocking comment is unresolved.',
      href: `/admin/issues/${ISSUE}/sections/${ARTICLE}#comment-c1`,
    });
  });
});

describe('image references', () => {
  it('finds images at any depth with their media file names', () => {
    const d = doc(para('x'), { type: 'blockquote', content: [img('/media/deep%20name.png', 'Deep')] }, img('https://evil.example/x.png', 'X'));
    expect(imageReferences(d)).toEqual([
      { src: '/media/deep%20name.png', alt: 'Deep', fileName: 'deep name.png' },
      { src: 'https://evil.example/x.png', alt: 'X', fileName: null },
    ]);
    expect(referencedMediaFiles([d, doc(img('/media/a.webp', 'a'), img('/media/a.webp', 'again'))])).toEqual(['deep name.png', 'a.webp']);
  });

  it('reads only library paths', () => {
    expect(mediaFileName('/media/abc.webp')).toBe('abc.webp');
    expect(mediaFileName('/media/abc.webp?v=1')).toBe('abc.webp');
    expect(mediaFileName('/media/a/b.webp')).toBeNull();
    expect(mediaFileName('/media/%E0%A4%A')).toBeNull();
    expect(mediaFileName('//media/abc.webp')).toBeNull();
  });
});
