import { stringify } from 'csv-stringify/sync';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { exportSubscribers, type ExportRow } from '@/lib/data/subscribers';
import { isAppError } from '@/lib/errors';

// The subscribers as CSV, for editors and admins. The columns email, new_issues and
// events_digest are the ones the import reads, so an export can be imported again.

export const dynamic = 'force-dynamic';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** A spreadsheet runs a cell that starts like a formula; such a value is written as text (OWASP: CSV injection). */
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const time = (d: Date | null) => (d ? d.toISOString() : '');

const COLUMNS: [string, (r: ExportRow) => string][] = [
  ['email', (r) => cell(r.email)],
  ['status', (r) => r.status.toLowerCase()],
  ['new_issues', (r) => (r.newIssues ? 'yes' : 'no')],
  ['events_digest', (r) => r.eventsDigest.toLowerCase()],
  ['added_at_utc', (r) => time(r.createdAt)],
  ['confirmed_at_utc', (r) => time(r.confirmedAt)],
  ['unsubscribed_at_utc', (r) => time(r.unsubscribedAt)],
  ['suppressed_because', (r) => (r.suppression ?? '').toLowerCase()],
  ['consent_source', (r) => (r.consentSource ?? '').toLowerCase()],
  ['consent_wording', (r) => cell(r.consentWording ?? '')],
  ['consent_at_utc', (r) => time(r.consentAt)],
];

export async function GET() {
  const user = await getCurrentUser();
  if (!user) {
    return new Response(null, { status: 303, headers: { Location: '/sign-in?callbackUrl=%2Fadmin%2Fsubscribers%2Fexport.csv', 'Cache-Control': 'no-store' } });
  }
  if (!can(user, 'subscriber:read')) return new Response('You do not have permission to export the subscribers.', { status: 403, headers: TEXT });
  try {
    const rows = await exportSubscribers(user);
    // A BOM, so Excel reads the file as UTF-8.
    const body = '\ufeff' + stringify([COLUMNS.map(([name]) => name), ...rows.map((r) => COLUMNS.map(([, value]) => value(r)))], { record_delimiter: 'windows' });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="regional-update-subscribers-${day}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: error.status, headers: TEXT });
    throw error;
  }
}
