import { z } from 'zod';
import { isFileLike } from './imports';
import { queryPage, queryText } from './query';

// The subscribers pages (issue 13): the list's query string, and the CSV import's
// two steps (read the file into a preview; add the previewed rows). Shared by the
// admin forms and the server actions; no server-only imports, so the form states
// the limits the server enforces.

export const SUBSCRIBERS_PAGE_SIZE = 50;
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_ACCEPT = '.csv,.txt,text/csv,text/plain';

/** Why a row was left out. */
export const IMPORT_REJECTION = {
  invalid: 'Not a valid email address',
  duplicate: 'Appears more than once in the file',
  domain: 'Not at a member organisation’s email domain',
  value: 'A column holds a value the import does not understand',
  nothing: 'Chooses neither new issues nor an events digest',
  suppressed: 'Suppressed: unsubscribed, stopped by an editor or bouncing, so never re-added by an import',
  subscribed: 'Already a subscriber (pending or confirmed)',
} as const;

export type ImportRejectionReason = keyof typeof IMPORT_REJECTION;
export type ImportRow = { line: number; email: string; newIssues: boolean; eventsDigest: 'NONE' | 'WEEKLY' | 'MONTHLY' };
export type ImportRejection = { line: number; value: string; reason: ImportRejectionReason; detail?: string };

/**
 * What the editor declares when adding the rows: imported people get no
 * confirmation email, so their consent is this statement, recorded with the editor.
 * A change to the wording is a new version here, never an edit of an old one.
 */
export const IMPORT_DECLARATIONS = {
  'import-2026-12':
    'Everyone in this file asked to receive the Regional Update by email (for example on an existing mailing list), and none of them has asked to stop.',
} as const;
export const CURRENT_IMPORT_DECLARATION = 'import-2026-12' satisfies keyof typeof IMPORT_DECLARATIONS;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** A file input left empty sends an empty file with no name. */
const chosen = (v: unknown): v is File => isFileLike(v) && (v.size > 0 || /\.[^.]+$/.test(v.name));

export const previewSubscriberImportSchema = z
  .object({ file: z.union([z.custom<File>(isFileLike, { message: 'Choose a CSV file' }), z.literal('')]).optional() })
  .strict()
  .transform((v, ctx) => {
    const file = chosen(v.file) ? v.file : null;
    if (!file) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'Choose a CSV file of subscribers' });
      return z.NEVER;
    }
    if (!/\.(csv|txt)$/i.test(file.name)) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: `“${file.name}” is not a CSV file. Save the list as “CSV UTF-8” (.csv) and choose that file` });
      return z.NEVER;
    }
    if (file.size === 0) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: `“${file.name}” is empty` });
      return z.NEVER;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: `“${file.name}” is larger than ${mb(IMPORT_MAX_BYTES)} (it is ${mb(file.size)}). Split it into smaller files` });
      return z.NEVER;
    }
    return { file };
  });

export const applySubscriberImportSchema = z
  .object({
    id: z.uuid({ message: 'This import no longer exists' }),
    declaration: z.literal(CURRENT_IMPORT_DECLARATION, { error: 'Confirm that everyone in the file asked to receive the bulletin' }),
  })
  .strict();

export const discardSubscriberImportSchema = z.object({ id: z.uuid({ message: 'This import no longer exists' }) }).strict();

export const SUBSCRIBER_FILTERS = ['all', 'pending', 'confirmed', 'unsubscribed', 'suppressed'] as const;
export type SubscriberFilter = (typeof SUBSCRIBER_FILTERS)[number];

/** `/admin/subscribers?q=&status=&page=`: lenient, like every list's query string. */
export const subscriberListQuerySchema = z.object({
  q: queryText(254),
  status: z
    .unknown()
    .transform((v) => (Array.isArray(v) ? v[0] : v))
    .pipe(z.enum(SUBSCRIBER_FILTERS))
    .catch('all'),
  page: queryPage,
});
