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
    intro: { id: INTRO, ...intro, approvalRequestedAt: null, approvedAt: new Date(), approvedContentHash: introContentHash(intro) },
    sections: [{ id: ARTICLE, title: 'News', kind: 'ARTICLE', body: doc(img('/media/a.webp', 'A chart'), img('/media/b.webp', '')) }],
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
  it('passes when every item is met, and lists the four items in order', () => {
    const result = publishGate(snapshot());
    expect(result.passed).toBe(true);
    expect(result.items.map((i) => [i.key, i.met, i.href])).toEqual([
      ['intro-approved', true, null],
      ['events-complete', true, null],
      ['images-described', true, null],
      ['no-blocking-comments', true, null],
    ]);
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
