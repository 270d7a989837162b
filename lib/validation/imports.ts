import { z } from 'zod';

// The bulletin import forms (issue 14): paste or upload a bulletin for review, create
// the reviewed draft, or import several files at once. Shared by the admin forms and
// the server actions in lib/actions/imports/. No server-only imports: the forms state
// the same limits the server enforces.

export const IMPORT_MAX_FILE_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_FILES = 20;
/** Pasted text, and the reviewed source carried to "Create draft issue". */
export const IMPORT_MAX_CHARS = 200_000;
/** The HTML a paste from Word carries is several times its text. */
export const IMPORT_MAX_HTML_CHARS = 5 * IMPORT_MAX_CHARS;
export const IMPORT_FILE_KINDS = ['.txt', '.html', '.htm', '.docx'] as const;
export const IMPORT_ACCEPT = '.txt,.html,.htm,.docx,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const SECTION_KINDS = ['INTRO', 'ARTICLE', 'EVENT_LIST'] as const;
export const EVENT_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Why an uploaded file cannot be imported, or null when its name and size are acceptable (its content is checked when read). */
export function importFileProblem(file: { name: string; size: number }): string | null {
  const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? '';
  if (!(IMPORT_FILE_KINDS as readonly string[]).includes(ext)) {
    return `“${file.name}” is not a kind of file the importer reads. Use a .txt, .html or .docx file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > IMPORT_MAX_FILE_BYTES) {
    return `“${file.name}” is larger than ${mb(IMPORT_MAX_FILE_BYTES)} (it is ${mb(file.size)}). Split it, or paste its text instead.`;
  }
  return null;
}

export const isFileLike = (v: unknown): v is File =>
  typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).size === 'number';

/**
 * A file input left empty sends an empty file with no name (or, through the
 * JavaScript form post, a generic one such as "blob"): not a file chosen. An empty
 * file with a real name ("notes.txt") is one, and is reported as empty.
 */
const chosen = (v: unknown): v is File => isFileLike(v) && (v.size > 0 || /\.[^.]+$/.test(v.name));

const TOO_LONG = `The text is longer than ${IMPORT_MAX_CHARS.toLocaleString('en-GB')} characters. Split the bulletin, or upload it as a file.`;

/** Step 1: a pasted bulletin or one uploaded file, never both. */
export const reviewImportSchema = z
  .object({
    pasted: z.string().max(IMPORT_MAX_CHARS, TOO_LONG).optional().default(''),
    // With JavaScript, a paste from a web page or Word also sends its HTML (headings, lists).
    pastedHtml: z.string().max(IMPORT_MAX_HTML_CHARS, TOO_LONG).optional().default(''),
    format: z.enum(['auto', 'text', 'html'], { message: 'Choose what the pasted text is' }).optional().default('auto'),
    file: z.union([z.custom<File>(isFileLike, { message: 'Choose a file' }), z.literal('')]).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const file = chosen(v.file) ? v.file : null;
    if (file && v.pasted.trim()) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'Paste a bulletin or choose a file, not both. Clear the text box, or leave the file out.' });
      return;
    }
    if (file) {
      const problem = importFileProblem(file);
      if (problem) ctx.addIssue({ code: 'custom', path: ['file'], message: problem });
      return;
    }
    if (!v.pasted.trim()) ctx.addIssue({ code: 'custom', path: ['pasted'], message: 'Paste the text of a bulletin, or choose a file to upload' });
  })
  .transform((v) => ({ pasted: v.pasted, pastedHtml: v.pasted.trim() ? v.pastedHtml : '', format: v.format, file: chosen(v.file) ? v.file : null }));

export type ReviewImportInput = z.output<typeof reviewImportSchema>;

/** Several files, each to its own draft. Each file's kind and size is reported per file. */
export const batchImportSchema = z
  .object({ files: z.union([z.custom<File>(isFileLike), z.array(z.custom<File>(isFileLike)), z.literal('')]).optional() })
  .strict()
  .transform((v, ctx) => {
    const files = ([] as unknown[]).concat(v.files ?? []).filter(chosen);
    if (files.length === 0) ctx.addIssue({ code: 'custom', path: ['files'], message: 'Choose one or more files to import' });
    if (files.length > IMPORT_MAX_FILES) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: `Choose at most ${IMPORT_MAX_FILES} files at a time (you chose ${files.length})` });
    }
    return { files };
  });

// Step 2: the reviewed source and the editor's changes to the guesses. The changes are
// named after what they change ("section.2.kind", "event.2.0.cost"); any other name is
// refused, as `.strict()` refuses it elsewhere. Which sections and events exist is
// checked against the re-read source by the action.
const TOP_FIELDS = ['source', 'sourceName', 'title', 'month', 'year', 'slug'] as const;
export const SECTION_FIELDS = ['title', 'kind'] as const;
export const EVENT_FIELDS = [
  'title', 'price', 'cost', 'mode', 'platform', 'venueName', 'venueAddress', 'audience', 'registrationDeadline', 'presenters',
] as const;
const SECTION_KEY = new RegExp(`^section\\.(\\d{1,3})\\.(${SECTION_FIELDS.join('|')})$`);
const EVENT_KEY = new RegExp(`^event\\.(\\d{1,3})\\.(\\d{1,3})\\.(${EVENT_FIELDS.join('|')})$`);

export type SectionEdit = Partial<Record<(typeof SECTION_FIELDS)[number], string>>;
export type EventEdit = Partial<Record<(typeof EVENT_FIELDS)[number], string>>;

export const createImportSchema = z
  .object({
    source: z.string().max(IMPORT_MAX_CHARS, TOO_LONG).refine((s) => s.trim() !== '', 'The bulletin’s text is missing. Paste it again.'),
    sourceName: z.string().max(300).optional().default(''),
    title: z.string().max(300, 'Keep the title to 300 characters or fewer').optional().default(''),
    month: z.string().max(2).optional().default(''),
    year: z.string().max(4).optional().default(''),
    slug: z.string().max(200, 'Keep the slug to 200 characters or fewer').optional().default(''),
  })
  .catchall(z.string().max(5000, 'Keep this to 5,000 characters or fewer'))
  .superRefine((v, ctx) => {
    const unknown = Object.keys(v).filter((k) => !(TOP_FIELDS as readonly string[]).includes(k) && !SECTION_KEY.test(k) && !EVENT_KEY.test(k));
    if (unknown.length) {
      const listed = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
      ctx.addIssue({ code: 'custom', message: `These fields are not allowed: ${listed}.` });
    }
  })
  .transform((v) => {
    const sections = new Map<number, SectionEdit>();
    const events = new Map<string, EventEdit>();
    for (const [key, value] of Object.entries(v)) {
      const s = SECTION_KEY.exec(key);
      if (s) sections.set(Number(s[1]), { ...sections.get(Number(s[1])), [s[2]!]: value });
      const e = EVENT_KEY.exec(key);
      if (e) events.set(`${Number(e[1])}.${Number(e[2])}`, { ...events.get(`${Number(e[1])}.${Number(e[2])}`), [e[3]!]: value });
    }
    return { source: v.source, sourceName: v.sourceName, title: v.title, month: v.month, year: v.year, slug: v.slug, sections, events };
  });

export type CreateImportInput = z.output<typeof createImportSchema>;
