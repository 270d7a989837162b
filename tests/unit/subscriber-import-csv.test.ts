import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { decodeCsv, readSubscriberCsv } from '@/lib/subscriptions/import-csv';
import { IMPORT_MAX_ROWS } from '@/lib/validation/subscriber-import';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The file-level message a read throws (an AppError with a `file` field error). */
function fileError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error, 'invalid')) {
      expect(error.fieldErrors?.file?.[0]).toBeTruthy();
      return error.message;
    }
    throw error;
  }
  throw new Error('expected the read to fail');
}

describe('reading a CSV of subscribers', () => {
  it('reads an Excel export: BOM, semicolons, quoted separators, Windows line ends, mixed case', () => {
    const text = decodeCsv(bytes('\ufeffName;Email Address;New issues;Events digest\r\n"Smith; Jo, Dr";Jo.Smith@Example.ORG;yes;weekly\r\n"Patel, Ravi";ravi@example.org;no;Monthly\r\n'));
    const read = readSubscriberCsv(text);
    expect(read.rowCount).toBe(2);
    expect(read.rejected).toEqual([]);
    expect(read.accepted).toEqual([
      { line: 2, email: 'jo.smith@example.org', newIssues: true, eventsDigest: 'WEEKLY' },
      { line: 3, email: 'ravi@example.org', newIssues: false, eventsDigest: 'MONTHLY' },
    ]);
  });

  it('reads a bare list of addresses with no heading row, commas or tabs alike', () => {
    expect(readSubscriberCsv('a@example.org\nb@example.org\n').accepted.map((r) => [r.line, r.email, r.newIssues, r.eventsDigest])).toEqual([
      [1, 'a@example.org', true, 'NONE'],
      [2, 'b@example.org', true, 'NONE'],
    ]);
    expect(readSubscriberCsv('email\tnew_issues\nc@example.org\tno\n').rejected).toEqual([
      { line: 2, value: 'c@example.org', reason: 'nothing' },
    ]);
  });

  it('reports every row left out, with its line and reason, and keeps the rest', () => {
    const long = `${'a'.repeat(250)}@example.org`;
    const text = [
      'email,new_issues,events_digest',
      'good@example.org,,',
      'not-an-address,,',
      `${long},,`,
      '"line\nbreak@example.org",,',
      'GOOD@example.org,,',
      'odd@example.org,maybe,',
      'odder@example.org,yes,fortnightly',
      ',yes,weekly',
    ].join('\n');
    const read = readSubscriberCsv(text);
    expect(read.accepted.map((r) => r.email)).toEqual(['good@example.org']);
    expect(read.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      // The quoted line break makes the row two lines long: lines are the file's, not the rows'.
      [7, 'duplicate'],
      [8, 'value'],
      [9, 'value'],
      [10, 'invalid'],
    ]);
    const detail = Object.fromEntries(read.rejected.map((r) => [r.line, r.detail]));
    expect(detail[3]).toMatch(/correct format/);
    expect(detail[4]).toMatch(/254 characters/);
    expect(detail[5]).toMatch(/one line/);
    expect(detail[7]).toBe('The same address as line 2');
    expect(detail[8]).toMatch(/“maybe” in the new issues column/);
    expect(detail[9]).toMatch(/“fortnightly” in the events digest column/);
    expect(read.rejected.find((r) => r.line === 4)?.value.length).toBeLessThanOrEqual(320);
  });

  it('leaves out addresses outside the allowed domains when a list is set', () => {
    const read = readSubscriberCsv('email\na@council.gov.uk\nb@social.council.gov.uk\nc@gmail.com\n', ['council.gov.uk']);
    expect(read.accepted.map((r) => r.email)).toEqual(['a@council.gov.uk', 'b@social.council.gov.uk']);
    expect(read.rejected).toEqual([{ line: 4, value: 'c@gmail.com', reason: 'domain' }]);
  });

  it('refuses a whole file it cannot use, saying why', () => {
    expect(fileError(() => readSubscriberCsv(''))).toMatch(/no rows/);
    expect(fileError(() => readSubscriberCsv('email\n'))).toMatch(/no subscribers under it/);
    expect(fileError(() => readSubscriberCsv('name,organisation\nJo,Council\n'))).toMatch(/must be “email”/);
    expect(fileError(() => readSubscriberCsv('email\n"unclosed@example.org\n'))).toMatch(/quoted value is not closed/);
    expect(fileError(() => readSubscriberCsv(`email\n${'x'.repeat(20_000)}\n`))).toMatch(/far too long/);
  });

  it(`refuses more than ${IMPORT_MAX_ROWS} rows before checking any of them`, () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `reader${i}@example.org`);
    expect(fileError(() => readSubscriberCsv(['email', ...rows].join('\n')))).toMatch(/100,000 rows; an import takes at most 20,000/);
    expect(readSubscriberCsv(['email', ...rows.slice(0, IMPORT_MAX_ROWS)].join('\n')).accepted).toHaveLength(IMPORT_MAX_ROWS);
  });

  it('refuses a binary file and reads a Windows-1252 one', () => {
    expect(fileError(() => decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toMatch(/not a CSV file/);
    const latin = new Uint8Array([...bytes('name,email\nJos'), 0xe9, ...bytes(',jose@example.org\n')]);
    const text = decodeCsv(latin);
    expect(text).toContain('José');
    expect(readSubscriberCsv(text).accepted.map((r) => r.email)).toEqual(['jose@example.org']);
  });
});
