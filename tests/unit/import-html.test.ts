import { describe, expect, it } from 'vitest';
import { htmlToText, parseBulletinHtml } from '@/lib/import/html';
import { parseBulletinText } from '@/lib/import/parse-text';

// HTML from a web page or Word reads as the same draft as its plain-text twin.
const TEXT = [
  'Regional Update – October 2025',
  'From our QPPG Sponsor:',
  'Autumn is a season of reflection.',
  'Kind regards',
  'Emma Taylor',
  'Follow us on LinkedIn:',
  'We’re reigniting our LinkedIn presence.',
  'Upcoming Conferences and Events',
  'Let’s Talk About Race – FREE',
  'Date: 20th November 2025',
  'Time: 10:00 – 12:00',
  'Platform: Microsoft Teams A safe space to discuss bias and race.',
  'Register by: Thursday 30th October Request your space',
].join('\n');

const PAGE = `<!doctype html><html><head><title>Blog</title><style>p{color:red}</style><script>alert("x")</script></head><body>
<h1>Regional Update – October 2025</h1>
<h2>From our QPPG Sponsor:</h2>
<p>Autumn is a season of <em>reflection</em>.</p>
<p>Kind regards</p><p>Emma Taylor</p>
<h2>Follow us on LinkedIn:</h2>
<p>We&rsquo;re reigniting our <a href="https://www.linkedin.com/">LinkedIn</a> presence.</p>
<h2>Upcoming Conferences and Events</h2>
<h3>Let’s Talk About Race – FREE</h3>
<p>Date: 20th November 2025<br>Time: 10:00 – 12:00</p>
<p>Platform: Microsoft Teams A safe space to discuss bias and race.</p>
<p>Register by: Thursday 30th October Request your space</p>
</body></html>`;

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-GB>
<p class=MsoTitle>Regional Update – October 2025<o:p></o:p></p>
<p class=MsoNormal><b>From our QPPG Sponsor:</b><o:p></o:p></p>
<p class=MsoNormal><span style='font-size:11pt'>Autumn&nbsp;is a season of reflection.</span></p>
<!--[if !supportLists]--><p class=MsoNormal>Kind regards</p><p class=MsoNormal>Emma Taylor</p>
<p class=MsoNormal><b>Follow us on LinkedIn:</b></p><p class=MsoNormal>We’re reigniting our LinkedIn presence.</p>
<ul><li>First point</li><li>Second point</li></ul>
<blockquote><p>Made my day</p></blockquote>
</body></html>`;

const shape = (d: ReturnType<typeof parseBulletinText>) => ({
  title: d.title,
  month: d.month,
  sections: d.sections.map((s) => ({
    kind: s.kind,
    title: s.title,
    signOff: s.signOff,
    signatory: s.signatory,
    blocks: s.blocks.map((b) => [b.type, b.text]),
    events: s.events.map((e) => ({
      title: e.title,
      platform: e.platform,
      deadline: e.registrationDeadline,
      sessions: e.sessions.map((x) => [x.startsAt.toISOString(), x.endsAt.toISOString()]),
    })),
  })),
});

describe('importing HTML', () => {
  it('reads a web page as the same draft as its plain text, without scripts or styles', () => {
    const { text, draft } = parseBulletinHtml(PAGE);
    expect(text).not.toMatch(/alert|color:red|Blog/);
    expect(shape(draft)).toEqual(shape(parseBulletinText(TEXT)));
    expect(draft.sections[2]!.events[0]!.sessions[0]!.startsAt.toISOString()).toBe('2025-11-20T10:00:00.000Z');
  });

  it('reads Word’s HTML: its markup, non-breaking spaces, lists and quotations', () => {
    expect(htmlToText(WORD).split('\n')).toEqual([
      'Regional Update – October 2025',
      'From our QPPG Sponsor:',
      'Autumn is a season of reflection.',
      'Kind regards',
      'Emma Taylor',
      'Follow us on LinkedIn:',
      'We’re reigniting our LinkedIn presence.',
      '· First point',
      '· Second point',
      '“Made my day”',
    ]);
    const { draft } = parseBulletinHtml(WORD);
    expect(draft.sections.map((s) => [s.kind, s.title])).toEqual([
      ['INTRO', 'From our QPPG Sponsor'],
      ['ARTICLE', 'Follow us on LinkedIn'],
    ]);
    expect(draft.sections[1]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'bullet', 'bullet', 'quote']);
  });
});
