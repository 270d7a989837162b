import 'server-only';
import { parseIsoDate } from '@/lib/dates';
import { AppError, type FieldErrors } from '@/lib/errors';
import { parseBulletinFile } from '@/lib/import/file';
import { parseBulletinHtml } from '@/lib/import/html';
import { parseBulletinText } from '@/lib/import/parse-text';
import type { BulletinDraft, DraftEvent } from '@/lib/import/types';
import { EVENT_MODES, IMPORT_MAX_CHARS, SECTION_KINDS, type CreateImportInput, type EventEdit } from '@/lib/validation/imports';
import type { ImportReview } from './review-types';

// What the review screen shows, and the editor's changes applied to it. The review
// carries the source in the importer's text shape (HTML and Word are read into it),
// so "Create draft issue" reads the same text again and gets the same draft: nothing
// but the text travels between the two steps, and the text is never lost.

const LOOKS_LIKE_HTML = /<\/?(p|div|h[1-6]|li|ul|ol|br|span|table|body|html|strong|em|b|i|a)\b[^>]*>/i;

export function reviewPasted(pasted: string, format: 'auto' | 'text' | 'html'): ImportReview {
  const html = format === 'html' || (format === 'auto' && LOOKS_LIKE_HTML.test(pasted));
  const { text, draft } = html ? parseBulletinHtml(pasted) : { text: pasted, draft: parseBulletinText(pasted) };
  if (!text.trim()) {
    throw new AppError('invalid', 'There is no text in what you pasted', { fieldErrors: { pasted: ['There is no text in what you pasted'] } });
  }
  return { source: text, sourceName: '', draft };
}

export async function reviewFile(file: File): Promise<ImportReview> {
  const { text, draft } = await parseBulletinFile(file.name, new Uint8Array(await file.arrayBuffer()));
  const unreadable = draft.sections.length === 0 ? draft.flags.find((f) => f.field === 'file') : undefined;
  const problem =
    unreadable?.reason ??
    (!text.trim()
      ? `“${file.name}” has no text in it`
      : text.length > IMPORT_MAX_CHARS
        ? `“${file.name}” holds more than ${IMPORT_MAX_CHARS.toLocaleString('en-GB')} characters of text. Split the bulletin into smaller files.`
        : null);
  if (problem) throw new AppError('invalid', problem, { fieldErrors: { file: [problem] } });
  return { source: text, sourceName: file.name, draft };
}

/** The draft "Create draft issue" saves: the source read again, with the editor's changes. */
export function applyReviewEdits(input: CreateImportInput): { review: ImportReview; draft: BulletinDraft; slug: string } {
  const first = parseBulletinText(input.source);
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] = [message];
  };

  const month = Number(input.month);
  const year = Number(input.year);
  const monthChosen = Number.isInteger(month) && month >= 1 && month <= 12 && /^\d{4}$/.test(input.year) && year >= 2000 && year <= 2100;
  if (!monthChosen) fail('month', 'Choose the month and year the issue is for');
  // A source with no month in its title reads its events' years from the month chosen.
  const draft = monthChosen && !first.month ? parseBulletinText(input.source, { year, month }) : first;
  const review: ImportReview = { source: input.source, sourceName: input.sourceName, draft: first };

  const unknown = [
    ...[...input.sections.keys()].filter((i) => !draft.sections[i]).map((i) => `section.${i}`),
    ...[...input.events.keys()].filter((k) => {
      const [s, e] = k.split('.').map(Number);
      return !draft.sections[s!]?.events[e!];
    }).map((k) => `event.${k}`),
  ];
  if (unknown.length) {
    throw new AppError('invalid', `These fields do not match the bulletin being imported: ${unknown.slice(0, 10).join(', ')}. Review the bulletin again.`, { data: review });
  }

  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title) fail('title', 'Enter a title for the issue');
  const edited: BulletinDraft = {
    ...draft,
    title,
    month: monthChosen ? `${year}-${String(month).padStart(2, '0')}-01` : draft.month,
    sections: draft.sections.map((section, i) => {
      const edit = input.sections.get(i) ?? {};
      const heading = (edit.title ?? section.title).replace(/\s+/g, ' ').trim();
      if (!heading) fail(`section.${i}.title`, `Enter a heading for section ${i + 1}`);
      const kind = (edit.kind ?? section.kind) as (typeof SECTION_KINDS)[number];
      if (!SECTION_KINDS.includes(kind)) fail(`section.${i}.kind`, `Choose what section ${i + 1} is`);
      else if (kind !== 'EVENT_LIST' && section.events.length) {
        fail(`section.${i}.kind`, `Section ${i + 1} has events, so it must stay an event list`);
      }
      const events = section.events.map((event, j) => editEvent(event, input.events.get(`${i}.${j}`) ?? {}, `event.${i}.${j}`, fail));
      return { ...section, title: heading, kind, events };
    }),
  };
  const intros = edited.sections.flatMap((s, i) => (s.kind === 'INTRO' ? [i] : []));
  if (intros.length > 1) fail(`section.${intros[1]}.kind`, 'An issue has one intro: choose another kind for this section');

  if (Object.keys(errors).length) {
    throw new AppError('invalid', 'There is a problem with the changes. Check the highlighted fields.', { fieldErrors: errors, data: review });
  }
  return { review, draft: edited, slug: input.slug.trim() };
}

const text = (v: string | undefined, fallback: string | null) => (v === undefined ? fallback : v.replace(/\s+/g, ' ').trim() || null);

function editEvent(event: DraftEvent, edit: EventEdit, name: string, fail: (field: string, message: string) => void): DraftEvent {
  const title = text(edit.title, event.title);
  if (!title) fail(`${name}.title`, 'Enter the event’s title');
  const price = edit.price ?? (event.isFree ? 'free' : 'cost');
  if (price !== 'free' && price !== 'cost') fail(`${name}.price`, 'Choose whether the event is free');
  const isFree = price === 'free';
  const cost = isFree ? null : text(edit.cost, event.cost);
  if (!isFree && !cost) fail(`${name}.cost`, 'Enter the cost, or choose “Free”');
  const mode = (edit.mode ?? event.mode) as DraftEvent['mode'];
  if (!EVENT_MODES.includes(mode)) fail(`${name}.mode`, 'Choose online, in person or hybrid');
  const deadline = text(edit.registrationDeadline, event.registrationDeadline);
  if (deadline && !parseIsoDate(deadline)) fail(`${name}.registrationDeadline`, 'Enter the register-by date as a real date, for example 2025-10-13');
  const presenters =
    edit.presenters === undefined
      ? event.presenters
      : [...new Set(edit.presenters.split(/\r?\n|;/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return {
    ...event,
    title: title ?? event.title,
    isFree,
    cost,
    mode,
    platform: text(edit.platform, event.platform),
    venueName: text(edit.venueName, event.venueName),
    venueAddress: text(edit.venueAddress, event.venueAddress),
    audience: text(edit.audience, event.audience),
    registrationDeadline: deadline,
    presenters,
  };
}
