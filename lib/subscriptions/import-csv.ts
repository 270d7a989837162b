import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/errors';
import { subscriberEmail } from '@/lib/validation/subscriptions';
import {
  IMPORT_MAX_ROWS,
  IMPORT_REJECTION,
  type ImportRejection,
  type ImportRow,
} from '@/lib/validation/subscriber-import';
import { domainAllowed } from './domains';

// Reading a CSV of subscribers (docs/decisions/031-subscriber-import.md): what the
// lists people keep look like (Excel, Outlook, Mailchimp exports): a BOM, commas,
// semicolons or tabs, quoted values, Windows line ends, Excel's Windows-1252. The
// file is read whole and every row checked before anything is written; this module
// only reads and classifies, the database checks (suppressed, already subscribed)
// are lib/data/subscribers.ts's.

const EMAIL_HEADERS = new Set(['email', 'email address', 'e-mail', 'e-mail address', 'emailaddress', 'mail']);
const NEW_ISSUES_HEADERS = new Set(['new issues', 'new_issues', 'newissues', 'issues']);
const DIGEST_HEADERS = new Set(['events digest', 'events_digest', 'eventsdigest', 'digest']);

const YES = new Set(['yes', 'y', 'true', '1', 'on']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);
const DIGESTS = { none: 'NONE', '': 'NONE', weekly: 'WEEKLY', monthly: 'MONTHLY' } as const;

const header = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, ' ');

/** The file's text: UTF-8, or Excel's Windows-1252 when it is not UTF-8. A file with NUL bytes is not text. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new AppError('invalid', 'This file is not a CSV file (it holds binary data). Save the list as “CSV” or “CSV UTF-8” and choose that file.', {
      fieldErrors: { file: ['The file is not a CSV file. Save the list as “CSV UTF-8” and choose that file'] },
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function fileError(message: string): AppError {
  return new AppError('invalid', message, { fieldErrors: { file: [message] } });
}

type Columns = { email: number; newIssues: number; digest: number; headerLines: number };

function columnsOf(first: string[]): Columns {
  const names = first.map(header);
  const email = names.findIndex((n) => EMAIL_HEADERS.has(n));
  if (email >= 0) {
    return {
      email,
      newIssues: names.findIndex((n) => NEW_ISSUES_HEADERS.has(n)),
      digest: names.findIndex((n) => DIGEST_HEADERS.has(n)),
      headerLines: 1,
    };
  }
  // A bare list of addresses, one a line, with no heading row.
  if (first.length === 1 && first[0]!.includes('@')) return { email: 0, newIssues: -1, digest: -1, headerLines: 0 };
  throw fileError('The first row must name the columns, and one of them must be “email”. Add a heading row, or use a file with one address on each line.');
}

/**
 * Records with the line each starts on, as a text editor numbers them (a quoted
 * value may hold line breaks), without the rows that are empty or only separators.
 * A record's raw text starts with any empty lines skipped before it.
 */
function numbered(parsed: { record: string[]; raw: string }[]) {
  const out: { record: string[]; line: number }[] = [];
  let before = 0;
  for (const { record, raw } of parsed) {
    const skipped = (/^(?:\r?\n|\r)*/.exec(raw)?.[0].match(/\r?\n|\r/g) ?? []).length;
    if (record.some((cell) => cell !== '')) out.push({ record, line: before + skipped + 1 });
    before += (raw.match(/\r?\n|\r/g) ?? []).length;
  }
  return out;
}

export type ReadResult = { rowCount: number; accepted: ImportRow[]; rejected: ImportRejection[] };

/**
 * Every row of the file, checked on its own and against the rows above it: the
 * rows to add and every row left out with the reason. Throws an AppError (with a
 * `file` field error) when the file as a whole cannot be read.
 */
export function readSubscriberCsv(text: string, domains?: string[]): ReadResult {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // Each record's own text, to number it by the line it starts on.
      raw: true,
      // A row longer than this is not a subscriber's row; it stops the read with a message.
      max_record_size: 10_000,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = typeof line === 'number' ? ` near line ${line}` : '';
    const code = String((error as { code?: unknown }).code ?? '');
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw fileError(`A quoted value is not closed${where}. Check for a stray double quote (").`);
    if (code === 'CSV_MAX_RECORD_SIZE') throw fileError(`A row is far too long${where}: this does not look like a list of subscribers.`);
    if (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE') throw fileError(`The file could not be read as CSV${where}. Check its quotes, or save it again as “CSV UTF-8”.`);
    throw error;
  }
  const records = numbered(parsed);
  if (records.length === 0) throw fileError('The file has no rows. Choose a CSV file with a heading row and one subscriber on each row.');
  const columns = columnsOf(records[0]!.record);
  const rows = records.slice(columns.headerLines);
  if (rows.length === 0) throw fileError('The file has a heading row but no subscribers under it.');
  if (rows.length > IMPORT_MAX_ROWS) {
    throw fileError(
      `The file has ${rows.length.toLocaleString('en-GB')} rows; an import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en-GB')}. Split it into smaller files and import each one.`,
    );
  }

  const accepted: ImportRow[] = [];
  const rejected: ImportRejection[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of rows) {
    const raw = record[columns.email] ?? '';
    const value = raw.slice(0, 320);
    const reject = (reason: keyof typeof IMPORT_REJECTION, detail?: string) =>
      rejected.push({ line, value, reason, ...(detail ? { detail } : {}) });
    const email = subscriberEmail.safeParse(raw);
    if (!email.success) {
      reject('invalid', email.error.issues[0]?.message);
      continue;
    }
    const seen = firstLine.get(email.data);
    if (seen !== undefined) {
      reject('duplicate', `The same address as line ${seen}`);
      continue;
    }
    firstLine.set(email.data, line);
    if (!domainAllowed(email.data, domains)) {
      reject('domain');
      continue;
    }
    const issuesCell = columns.newIssues >= 0 ? header(record[columns.newIssues] ?? '') : '';
    const digestCell = columns.digest >= 0 ? header(record[columns.digest] ?? '') : '';
    if (issuesCell && !YES.has(issuesCell) && !NO.has(issuesCell)) {
      reject('value', `“${issuesCell.slice(0, 40)}” in the new issues column: use yes or no`);
      continue;
    }
    if (!Object.hasOwn(DIGESTS, digestCell)) {
      reject('value', `“${digestCell.slice(0, 40)}” in the events digest column: use none, weekly or monthly`);
      continue;
    }
    const newIssues = !NO.has(issuesCell);
    const eventsDigest = DIGESTS[digestCell as keyof typeof DIGESTS];
    if (!newIssues && eventsDigest === 'NONE') {
      reject('nothing');
      continue;
    }
    accepted.push({ line, email: email.data, newIssues, eventsDigest });
  }
  return { rowCount: rows.length, accepted, rejected };
}
