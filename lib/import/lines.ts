// Turning pasted text into logical lines and telling headings from body text.
// Blog and Word exports run labels together ("…2025Time: 09:30") and pad with
// odd spaces; both are undone here, keeping each piece's source line number.
import type { SourceLine } from './types';

const LABELS = [
  'Dates?',
  'Time',
  'Times',
  'Platform',
  'Venue',
  'Location',
  'Where',
  'Register by',
  'Registration',
  'Cost',
  'Price',
];
export const LABEL = new RegExp(`^(${LABELS.join('|')})\\s*:\\s*`, 'i');
const RUN_TOGETHER = new RegExp(`(?<=\\S)(?=(?:${LABELS.join('|')})\\s*:)`, 'g');

/** Non-blank logical lines with internal whitespace collapsed. */
export function toLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, line) => {
      const tidy = raw.replace(/[\u00a0\t ]+/g, ' ').trim();
      if (!tidy) return;
      for (const piece of tidy.split(RUN_TOGETHER)) {
        // "9:30–4:30Register" → two words; a time glued to the next sentence.
        const spaced = piece.replace(/(?<=\d)(?=[A-Z][a-z])/g, ' ').trim();
        if (spaced) out.push({ line, text: spaced });
      }
    });
  return out;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Share of the longer words that start with a capital: headings are title case, sentences are not. */
function titleCaseShare(s: string): number {
  const long = words(s.replace(/[^\p{L}\p{N}’'\s/-]/gu, ' ')).filter((w) => w.length >= 4);
  if (long.length === 0) return 0;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length;
}

export const BULLET = /^[·•▪◦‣*-]\s+/;
export const QUOTE = /^["“”‘'].*["“”’']$/;
export const SIGN_OFF =
  /^(kind regards|best regards|warm regards|best wishes|with best wishes|many thanks|regards|thank you|thanks|yours sincerely)[,.!]?$/i;
export const PRESENTER_LEAD = /^(presented by|led by|hosted by|facilitated by|delivered by|with speakers?)\b/i;
export const PRICE_SUFFIX = /\s+[–—-]\s*(FREE|£\s?\d[\d,.]*(?:\s*(?:\+\s*VAT|per (?:person|delegate|place)))?)\s*$/i;
const DATE_LEAD = /^\d{1,2}(?:st|nd|rd|th)?\b/i;

export type HeadingKind = 'colon' | 'plain' | 'marked';

/** Whether a line is a heading, and of which style; null for body text. */
export function headingKind(text: string): HeadingKind | null {
  if (/^#{1,6}\s+\S/.test(text)) return 'marked';
  if (LABEL.test(text) || BULLET.test(text) || QUOTE.test(text) || SIGN_OFF.test(text) || PRESENTER_LEAD.test(text))
    return null;
  if (PRICE_SUFFIX.test(text) || DATE_LEAD.test(text) || /\d:\d\d|\|/.test(text)) return null;
  const n = words(text).length;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (n >= 2 && n <= 12 && letters.length >= 6 && letters === letters.toUpperCase() && !/[.!?]$/.test(text))
    return 'marked';
  if (text.length > 120 || n > 16) return null;
  if (/\.\s/.test(text.replace(/\b(?:St|Dr|Mr|Mrs|Ms|Prof)\.\s/g, ''))) return null;
  if (titleCaseShare(text) < 0.6) return null;
  if (/:$/.test(text)) return 'colon';
  if (/[.!?,;]$/.test(text) || n < 2) return null;
  return 'plain';
}

/** A heading's text without its marker or trailing colon/full stop. */
export function headingText(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

/** "Regional Master Classes:  Each year …" → the lead and the rest; null if the line has no such lead. */
export function inlineLead(text: string): { lead: string; rest: string } | null {
  const m = /^([^:.!?]{3,60}):\s+(\S.*)$/.exec(text);
  if (!m || LABEL.test(text) || words(m[1]!).length > 6 || titleCaseShare(m[1]!) < 1) return null;
  return { lead: m[1]!.trim(), rest: m[2]! };
}

const EVENT_HEADING =
  /\b(events|conferences|opportunities|training|courses|webinars|seminars|diary|master ?classes|masterclasses|cpd)\b/i;
export const isEventHeading = (title: string) => EVENT_HEADING.test(title);
