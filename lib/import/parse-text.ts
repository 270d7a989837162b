// Plain text of a bulletin (as exported from the blog or pasted from Word) →
// a draft issue for the review screen. Every source line ends up somewhere in
// the draft, in order: a heading, a paragraph, an event, or the export's furniture.
import * as chrono from 'chrono-node';
import { isoDate } from '@/lib/dates';
import { findDates, findTimeRange, type IssueMonth } from './dates';
import { parseEvent } from './events';
import {
  BULLET,
  LABEL,
  PRESENTER_LEAD,
  PRICE_SUFFIX,
  QUOTE,
  SIGN_OFF,
  headingKind,
  headingText,
  inlineLead,
  isEventHeading,
  toLines,
} from './lines';
import { isPersonName } from './people';
import type { BulletinDraft, DraftSection, ImportFlag, SourceLine } from './types';

const FURNITURE_TAIL = /^(comments?|share|like|\d+ (?:views?|comments?))$/i;
const DATE_LEAD = /^\d{1,2}(?:st|nd|rd|th)?\b/;

function issueMonthOf(title: string): IssueMonth | null {
  const r = chrono.en.GB.parse(title).find((x) => x.start.isCertain('month') && x.start.isCertain('year'));
  return r ? { year: r.start.get('year')!, month: r.start.get('month')! } : null;
}

function section(kind: DraftSection['kind'], title: string, line: number | null): DraftSection {
  return {
    kind,
    title,
    headingLine: line,
    blocks: [],
    events: [],
    signOff: null,
    signatory: null,
    bylines: [],
    lines: line === null ? [] : [line],
    flags: [],
  };
}

const isEventStart = (lines: SourceLine[], i: number) => {
  const text = lines[i]!.text;
  if (LABEL.test(text)) return false;
  if (PRICE_SUFFIX.test(text)) return true;
  if (/^dates?\s*:/i.test(lines[i + 1]?.text ?? '')) return true;
  return DATE_LEAD.test(text) && findTimeRange(text) !== null;
};

export function parseBulletinText(text: string, fallbackMonth?: IssueMonth): BulletinDraft {
  const lines = toLines(text);
  const flags: ImportFlag[] = [];
  const draft: BulletinDraft = { title: '', month: null, meta: [], publishedOn: null, sections: [], flags };
  if (lines.length === 0) {
    flags.push({ field: 'title', reason: 'The text is empty' });
    return draft;
  }
  draft.title = lines[0]!.text;
  const found = issueMonthOf(draft.title);
  const issue = found ?? fallbackMonth ?? null;
  if (!found)
    flags.push({
      field: 'month',
      reason: `The title “${draft.title}” names no month and year${fallbackMonth ? '; the month given was used' : ''}`,
    });
  const month: IssueMonth = issue ?? { year: new Date().getUTCFullYear(), month: new Date().getUTCMonth() + 1 };
  if (issue) draft.month = `${issue.year}-${String(issue.month).padStart(2, '0')}-01`;

  let i = 1;
  // Blog export byline: "- author", "- Oct 24", "- 6 min read".
  while (i < lines.length && /^-\s+\S/.test(lines[i]!.text) && lines[i]!.text.split(/\s+/).length <= 5) {
    const t = lines[i]!.text.replace(/^-\s+/, '');
    draft.meta.push({ text: lines[i]!.text, line: lines[i]!.line });
    const short = /^([A-Za-z]{3,9})\s+(\d{1,2})$/.exec(t);
    const d = short ? findDates(`${short[2]} ${short[1]}`, month)[0] : undefined;
    if (d && !draft.publishedOn) {
      draft.publishedOn = isoDate(d.date);
      flags.push({ field: 'publishedOn', reason: `“${t}” read as ${draft.publishedOn}` });
    }
    i++;
  }
  let end = lines.length;
  while (end > i && FURNITURE_TAIL.test(lines[end - 1]!.text)) end--;
  for (const l of lines.slice(end)) draft.meta.push({ text: l.text, line: l.line });

  let current = null as DraftSection | null;
  const open = (s: DraftSection) => {
    draft.sections.push(s);
    current = s;
    return s;
  };

  // The sponsor's introduction: a "From …" heading, or text up to a sign-off before any heading.
  const first = lines[i];
  const signOffAt = lines.slice(i, end).findIndex((l) => SIGN_OFF.test(l.text));
  const headingBefore = lines
    .slice(i, signOffAt < 0 ? i : i + signOffAt)
    .some((l) => headingKind(l.text) !== null && !/^(?:#{1,6}\s+)?from\s/i.test(l.text));
  if (first && /^(?:#{1,6}\s+)?from\s/i.test(first.text) && first.text.split(/\s+/).length <= 25) {
    open(section('INTRO', headingText(first.text), first.line));
    i++;
  } else if (signOffAt >= 0 && !headingBefore) {
    open(section('INTRO', 'Introduction', null)).flags.push({
      field: 'title',
      reason: 'The introduction has no heading; add one',
    });
  }
  if (current) {
    const intro: DraftSection = current;
    while (i < end && !SIGN_OFF.test(lines[i]!.text) && !(headingKind(lines[i]!.text) && signOffAt < 0)) {
      intro.blocks.push({ type: 'paragraph', text: lines[i]!.text, lines: [lines[i]!.line] });
      intro.lines.push(lines[i]!.line);
      i++;
    }
    if (i < end && SIGN_OFF.test(lines[i]!.text)) {
      intro.signOff = lines[i]!.text.replace(/[,.!]$/, '');
      intro.lines.push(lines[i]!.line);
      i++;
      if (i < end && isPersonName(lines[i]!.text)) {
        intro.signatory = lines[i]!.text;
        intro.lines.push(lines[i]!.line);
        i++;
      } else intro.flags.push({ field: 'signatory', reason: 'No name after the sign-off' });
    } else intro.flags.push({ field: 'signOff', reason: 'No sign-off found at the end of the introduction' });
  }

  let group: string | null = null;
  let groupText = '';
  while (i < end) {
    const l = lines[i]!;
    const kind = headingKind(l.text);
    const sec: DraftSection | null = current;
    if (kind && sec?.kind === 'EVENT_LIST' && kind === 'colon' && !isEventHeading(l.text)) {
      sec.blocks.push({ type: 'heading', text: headingText(l.text), lines: [l.line] });
      sec.lines.push(l.line);
      group = headingText(l.text);
      groupText = '';
      i++;
      continue;
    }
    if (kind && !isEventStart(lines, i)) {
      const title = headingText(l.text);
      open(section(isEventHeading(title) ? 'EVENT_LIST' : 'ARTICLE', title, l.line));
      group = title;
      groupText = '';
      i++;
      continue;
    }
    const target: DraftSection = sec ?? open(section('ARTICLE', 'Untitled section', null));
    if (!sec) target.flags.push({ field: 'title', reason: 'Text before the first heading; give this section a title' });
    if (isEventStart(lines, i)) {
      const titleLed = !DATE_LEAD.test(l.text);
      let j = i + 1;
      while (
        j < end &&
        !isEventStart(lines, j) &&
        (titleLed
          ? headingKind(lines[j]!.text) === null
          : PRESENTER_LEAD.test(lines[j]!.text) || LABEL.test(lines[j]!.text))
      )
        j++;
      const block = lines.slice(i, j);
      const event = parseEvent(block, { issue: month, group, context: groupText });
      target.events.push(event);
      target.lines.push(...event.lines);
      if (target.kind === 'ARTICLE') {
        target.kind = 'EVENT_LIST';
        target.flags.push({ field: 'kind', reason: 'Holds event listings, so made an event list' });
      }
      i = j;
      continue;
    }
    const lead = inlineLead(l.text);
    if (BULLET.test(l.text)) target.blocks.push({ type: 'bullet', text: l.text.replace(BULLET, ''), lines: [l.line] });
    else if (QUOTE.test(l.text))
      target.blocks.push({ type: 'quote', text: l.text.replace(/^["“”‘']\s*|\s*["“”’']$/g, ''), lines: [l.line] });
    else if (lead && target.kind === 'EVENT_LIST') {
      target.blocks.push({ type: 'paragraph', lead: `${lead.lead}:`, text: lead.rest, lines: [l.line] });
      group = lead.lead;
      groupText = lead.rest;
    } else {
      target.blocks.push({ type: 'paragraph', text: l.text, lines: [l.line] });
      groupText += ` ${l.text}`;
    }
    target.lines.push(l.line);
    i++;
  }
  for (const s of draft.sections) {
    const first = s.blocks.find((b) => b.type === 'paragraph');
    const author =
      s.kind === 'ARTICLE' && first
        ? /\bmy name is ((?:\p{Lu}[\p{L}’'-]+\s?){2,3}?)(?:\s+and\b|[,.]|$)/u.exec(first.text)
        : null;
    if (author) {
      s.bylines = [author[1]!.trim()];
      s.flags.push({ field: 'bylines', reason: `Byline “${s.bylines[0]}” read from “${author[0].trim()}”` });
    }
    if (s.blocks.length === 0 && s.events.length === 0) s.flags.push({ field: 'body', reason: 'The section is empty' });
  }
  return draft;
}
