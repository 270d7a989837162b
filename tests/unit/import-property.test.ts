import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '@/lib/import/parse-text';

// Whatever is pasted, the importer returns a draft (never throws), every non-blank
// line is in it, and it holds no line the source does not have. (A line the export
// ran together, "…2025Time: 09:30", may be split between two parts.)
const PIECES = [
  'Regional Update – October 2025',
  'From our sponsor:',
  'Kind regards',
  'Emma Taylor',
  'Upcoming Events',
  'News From The Region:',
  '## A Markdown Heading',
  'SHOUTED HEADING HERE',
  'Some Workshop – FREE',
  'Paid Course – £40',
  'Dates: 4th, 11th November 2025 (plus 25th Nov for Leads)Time: 09:30 – 12:30',
  'Date: 31st February',
  'Time: 25:00 – 26:00',
  'Platform: Microsoft Teams A short course.',
  'Register by: someday',
  'Venue: Hall, Town',
  'Broadway House, London | 🕤 9:30–4:30Register via the flyer QR code',
  '1st July – 12:00-13:30',
  'Presented by A B, C D and E F from Somewhere Council',
  '· a bullet',
  '“a quote”',
  'Comments',
  '- Oct 24',
  'A plain sentence of body text.',
  '',
  '   ',
];

const nonBlankLines = (text: string) => text.split(/\r?\n/).flatMap((l, i) => (l.trim() ? [i] : []));

function covered(text: string): number[] {
  const d = parseBulletinText(text);
  const lines = [
    ...(d.title ? [nonBlankLines(text)[0]!] : []),
    ...d.meta.map((m) => m.line),
    ...d.sections.flatMap((s) => s.lines),
  ];
  return [...new Set(lines)].sort((a, b) => a - b);
}

describe('importing arbitrary text', () => {
  it('never throws, keeps every non-blank line and invents none', () => {
    const line = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        expect(covered(text)).toEqual(nonBlankLines(text));
      }),
      { numRuns: 300 },
    );
  });
});
