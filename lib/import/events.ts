// One event listing → a draft event. Labelled lines ("Dates:", "Time:",
// "Platform:", "Register by:") are read field by field; prose is kept as the
// description and searched for presenters, a venue, a date and the mode.
import { findDates, findTimeRange, makeSession, type FoundDate, type IssueMonth, type TimeRange } from './dates';
import { LABEL, PRICE_SUFFIX } from './lines';
import { findPresenters } from './people';
import type { DraftEvent, DraftSession, ImportFlag, SourceLine } from './types';
import { isoDate, type CalendarDate } from '@/lib/dates';

export type EventContext = {
  issue: IssueMonth;
  /** The heading or lead the listing sits under ("Regional Master Classes"), for listings that start with a date. */
  group: string | null;
  /** Text around the listing that may say how it runs ("online Master classes"). */
  context: string;
};

const PLATFORMS = ['Microsoft Teams', 'MS Teams', 'Teams', 'Zoom', 'Google Meet', 'Webex', 'YouTube'];
const SAVE_THE_DATE = /^save the date\s*[–—:-]\s*/i;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sentenceCase = (s: string) => s.replace(/\b\p{Lu}\p{Ll}+/gu, (w, i: number) => (i === 0 ? w : w.toLowerCase()));

function singular(phrase: string): string {
  return phrase.replace(
    /(\w+?)(sses|s)$/i,
    (_, stem: string, end: string) => stem + (end.toLowerCase() === 'sses' ? 'ss' : ''),
  );
}

/** Dates in a "Dates:" value; "(plus 25th Nov for Practice Educators)" is an extra session with its note. */
function readDates(value: string, issue: IssueMonth, flags: ImportFlag[]) {
  const plus = /\(?\s*\bplus\s+([^)]*)\)?/i.exec(value);
  const main = findDates(plus ? value.slice(0, plus.index) : value, issue, flags, 'sessions');
  const extra: { date: CalendarDate; label: string | null }[] = [];
  if (plus) {
    for (const d of findDates(plus[1]!, issue, flags, 'sessions')) {
      const note = plus[1]!
        .slice(d.index + d.text.length)
        .replace(/^\s*(?:only\s+)?for\s+/i, '')
        .trim();
      const label = note ? `${note} only` : null;
      if (label)
        flags.push({
          field: 'sessions',
          reason: `Extra session on ${isoDate(d.date)} labelled “${label}” from “${plus[0].trim()}”`,
        });
      extra.push({ date: d.date, label });
    }
  }
  return { main: main.map((d) => d.date), extra };
}

export function parseEvent(lines: SourceLine[], ctx: EventContext): DraftEvent {
  const flags: ImportFlag[] = [];
  const ev: DraftEvent = {
    title: '',
    isFree: true,
    cost: null,
    mode: 'IN_PERSON',
    platform: null,
    venueName: null,
    venueAddress: null,
    audience: null,
    presenters: [],
    presenterOrganisation: null,
    registrationDeadline: null,
    registrationContact: null,
    saveTheDate: false,
    sessions: [],
    description: [],
    lines: [...new Set(lines.map((l) => l.line))],
    flags,
  };
  let head = lines[0]!.text.replace(/^#{1,6}\s+/, '');
  let dates: CalendarDate[] = [];
  let extra: { date: CalendarDate; label: string | null }[] = [];
  // Declared through `as` so the closure below can set them without TypeScript narrowing them to null.
  let time = null as TimeRange | null;
  let proseDate = null as FoundDate | null;
  let priced = false;
  let online = false;
  let inPerson = false;

  if (SAVE_THE_DATE.test(head)) {
    ev.saveTheDate = true;
    head = head.replace(SAVE_THE_DATE, '');
  }
  const price = PRICE_SUFFIX.exec(head);
  if (price) {
    priced = true;
    ev.isFree = /^free$/i.test(price[1]!);
    ev.cost = ev.isFree ? null : price[1]!;
    head = head.slice(0, price.index);
  }
  const headTime = findTimeRange(head);
  const headDates = findDates(head, ctx.issue, flags, 'sessions');
  const dateLed = headDates.length > 0 && headDates[0]!.index === 0;
  if (dateLed) {
    dates = headDates.map((d) => d.date);
    time = headTime;
  } else {
    const last = headDates.at(-1);
    if (last && head.slice(last.index + last.text.length).trim() === '') {
      dates = headDates.map((d) => d.date);
      head = head.slice(0, headDates[0]!.index).replace(/\s*[–—,-]?\s*$/, '');
    }
    ev.title = head.trim();
    const forWhom = /\s[–—-]\s*For\s+(.+)$/i.exec(ev.title);
    if (forWhom) ev.audience = sentenceCase(forWhom[1]!.trim());
  }

  const prose = (text: string) => {
    ev.description.push(text);
    const who = findPresenters(text);
    if (who && ev.presenters.length === 0) {
      ev.presenters = who.names;
      ev.presenterOrganisation = who.organisation;
      flags.push({ field: 'presenters', reason: `Presenters read from “${text}”; match each to a person` });
    }
    const at = /\b(?:will be (?:held )?at|takes place at|held at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'&-]*\s?)+)/u.exec(
      text,
    );
    if (at && !ev.venueName) {
      ev.venueName = at[1]!.trim();
      inPerson = true;
      flags.push({ field: 'venue', reason: `Venue “${ev.venueName}” read from the description; add its address` });
    }
    if (!proseDate) proseDate = findDates(text, ctx.issue, [], 'sessions')[0] ?? null;
    if (!time) time = findTimeRange(text);
    if (/\bin[- ]person\b/i.test(text)) inPerson = true;
    if (/\b(online|virtual|webinar)\b/i.test(text)) online = true;
    if (/\b(registration opens soon|hold the date|save the date)\b/i.test(text)) ev.saveTheDate = true;
    const contact = /^(?:please\s+)?(contact .+ for (?:booking|registration|more)\b.*?)\.?$/i.exec(text);
    if (contact) ev.registrationContact = contact[1]!.charAt(0).toUpperCase() + contact[1]!.slice(1);
    const invited = /\b((?:one|two|all|any|every)\s[^.,]*?)\s(?:is|are) invited\b/i.exec(text);
    if (invited && !ev.audience) ev.audience = sentenceCase(invited[1]!.trim());
    const together = /\bbrings together ([^.]+?) to\b/i.exec(text);
    if (together && !ev.audience) ev.audience = capitalise(together[1]!.trim());
  };

  for (const { text } of lines.slice(1)) {
    const label = LABEL.exec(text);
    if (label) {
      const name = label[1]!.toLowerCase();
      const value = text.slice(label[0].length);
      if (name.startsWith('date')) ({ main: dates, extra } = readDates(value, ctx.issue, flags));
      else if (name.startsWith('time')) time = findTimeRange(value) ?? time;
      else if (name === 'platform') {
        const known = PLATFORMS.find((p) => value.toLowerCase().startsWith(p.toLowerCase()));
        ev.platform = known ?? value.trim();
        if (!known)
          flags.push({
            field: 'platform',
            reason: `Platform “${value.trim()}” is not one the importer knows; check where it ends`,
          });
        const rest = known ? value.slice(known.length).trim() : '';
        online = true;
        if (rest) prose(rest);
      } else if (name === 'venue' || name === 'location' || name === 'where') {
        const [venue, ...address] = value.split(',');
        ev.venueName = venue!.trim();
        ev.venueAddress = address.join(',').trim() || null;
        inPerson = true;
      } else if (name.startsWith('regist')) {
        const found = findDates(value, ctx.issue, flags, 'registrationDeadline')[0];
        if (found) ev.registrationDeadline = isoDate(found.date);
        else flags.push({ field: 'registrationDeadline', reason: `No date found in “${text}”` });
        const rest = found ? value.slice(found.index + found.text.length).trim() : value.trim();
        if (rest) ev.registrationContact = rest;
      } else {
        priced = true;
        ev.isFree = /^\s*free\b/i.test(value);
        ev.cost = ev.isFree ? null : value.trim();
      }
      continue;
    }
    if (text.includes('|')) {
      let kept = false;
      for (const part of text.split('|').map((s) => s.trim())) {
        const t = findTimeRange(part);
        if (t) {
          time = t;
          const rest = part.slice(t.index + t.text.length).trim();
          if (rest) ev.registrationContact = rest;
        } else if (!ev.venueName) {
          const [venue, ...address] = part.split(',');
          ev.venueName = venue!.trim();
          ev.venueAddress = address.join(',').trim() || null;
          inPerson = true;
          flags.push({ field: 'venue', reason: `Venue read from “${part}”` });
        } else {
          ev.description.push(part);
          kept = true;
        }
      }
      if (kept) flags.push({ field: 'description', reason: `Part of “${text}” kept in the description` });
      continue;
    }
    prose(text);
  }
  if (!time) time = headTime;

  if (dates.length === 0 && proseDate) {
    dates = [proseDate.date];
    flags.push({ field: 'sessions', reason: `Date “${proseDate.text}” read from the description` });
  }
  if (dates.length === 0) flags.push({ field: 'sessions', reason: 'No date found; add the sessions' });
  const sessions: DraftSession[] = [];
  for (const d of dates) sessions.push(...[makeSession(d, time, null, flags)].filter((s) => s !== null));
  for (const x of extra) sessions.push(...[makeSession(x.date, time, x.label, flags)].filter((s) => s !== null));
  ev.sessions = sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const t of time?.flags ?? []) flags.push(t);

  const availableTo = /\bavailable to ([^.,!;—–]+?)\s*(?:[.,!;—–]|$)/i.exec(ctx.context);
  if (!ev.audience && availableTo) {
    ev.audience = capitalise(availableTo[1]!.trim());
    flags.push({ field: 'audience', reason: `Audience “${ev.audience}” taken from the text the listing sits under` });
  }
  if (!online && !inPerson && /\b(online|virtual|webinar)\b/i.test(ctx.context)) {
    online = true;
    flags.push({ field: 'mode', reason: 'Online, from the text the listing sits under' });
  }
  ev.mode = online && inPerson ? 'HYBRID' : online ? 'ONLINE' : 'IN_PERSON';
  if (!online && !inPerson) flags.push({ field: 'mode', reason: 'No venue or platform given; taken as in person' });
  if (!priced) flags.push({ field: 'price', reason: 'No price stated; taken as free' });

  if (dateLed) {
    const who = ev.presenterOrganisation ?? ev.presenters.join(', ');
    ev.title = [ctx.group ? singular(ctx.group) : 'Event', who].filter(Boolean).join(': ');
    flags.push({
      field: 'title',
      reason: `The listing has no title; “${ev.title}” was made from its heading and presenters`,
    });
  }
  return ev;
}
