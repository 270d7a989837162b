import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The subscribers pages' data (issue 13) against real PostgreSQL: the CSV import's
// preview and its one-transaction apply, the list's search, statuses and counts,
// the consent history, and the export route, for the roles that may and may not.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user, requireUser: async () => session.user }));

let testDb: TestDatabase;
let data: typeof import('@/lib/data/subscribers');
let imports: typeof import('@/lib/data/subscriber-imports');
let csv: typeof import('@/lib/subscriptions/import-csv');
let exportRoute: typeof import('@/app/(admin)/admin/subscribers/export.csv/route');
const users = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  data = await import('@/lib/data/subscribers');
  imports = await import('@/lib/data/subscriber-imports');
  csv = await import('@/lib/subscriptions/import-csv');
  exportRoute = await import('@/app/(admin)/admin/subscribers/export.csv/route');
  for (const role of ['ADMIN', 'EDITOR', 'SPONSOR', 'CONTRIBUTOR'] as const) {
    users[role] = await testDb.prisma.user.create({
      data: { email: `subs-${role.toLowerCase()}@example.org`, name: `Subs ${role.toLowerCase()}`, role },
      select: { id: true, email: true, name: true, role: true, active: true, organisationId: true },
    }) as SessionUser;
  }
});

afterAll(async () => {
  await testDb?.drop();
});

const tag = () => randomUUID().slice(0, 8);

async function subscriber(email: string, status: 'PENDING' | 'CONFIRMED' | 'UNSUBSCRIBED', extra: { newIssues?: boolean; eventsDigest?: 'NONE' | 'WEEKLY' | 'MONTHLY' } = {}) {
  return testDb.prisma.subscriber.create({ data: { email, status, ...extra, confirmedAt: status === 'PENDING' ? null : new Date(), unsubscribedAt: status === 'UNSUBSCRIBED' ? new Date() : null }, select: { id: true } });
}

const preview = (text: string, user = users.EDITOR) => imports.createSubscriberImport(user, 'list.csv', csv.readSubscriberCsv(text));

describe('importing subscribers from CSV', () => {
  it('previews without adding anyone: existing subscribers and suppressed addresses are left out and reported', async () => {
    const t = tag();
    await subscriber(`pending-${t}@example.org`, 'PENDING');
    await subscriber(`left-${t}@example.org`, 'UNSUBSCRIBED');
    await testDb.prisma.emailSuppression.create({ data: { email: `bounced-${t}@example.org`, reason: 'BOUNCED' } });
    const before = await testDb.prisma.subscriber.count();
    const { id } = await preview(
      ['email,events_digest', `new-${t}@example.org,weekly`, `PENDING-${t}@example.org,`, `left-${t}@example.org,`, `bounced-${t}@example.org,`, 'nope,'].join('\n'),
    );
    expect(await testDb.prisma.subscriber.count()).toBe(before);
    const view = await imports.getSubscriberImport(users.EDITOR, id);
    expect(view?.status).toBe('PREVIEW');
    expect(view?.accepted).toEqual([{ line: 2, email: `new-${t}@example.org`, newIssues: true, eventsDigest: 'WEEKLY' }]);
    expect(view?.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'subscribed'],
      [4, 'suppressed'],
      [5, 'suppressed'],
      [6, 'invalid'],
    ]);
  });

  it('adds the rows in one transaction with their consent and an audit row, once; later changes are reported', async () => {
    const t = tag();
    const rows = Array.from({ length: 4_500 }, (_, i) => `bulk${i}-${t}@example.org`);
    const { id } = await preview(['email', ...rows].join('\n'));
    // Between the check and the adding, one reader subscribes on the site and one address starts bouncing.
    await subscriber(rows[10]!, 'PENDING');
    await testDb.prisma.emailSuppression.create({ data: { email: rows[20]!, reason: 'BOUNCED' } });

    expect(await imports.applySubscriberImport(users.EDITOR, id)).toEqual({ added: 4_498, skipped: 2 });
    const added = await testDb.prisma.subscriber.findMany({ where: { email: { endsWith: `-${t}@example.org` }, status: 'CONFIRMED' }, select: { id: true, confirmedAt: true } });
    expect(added).toHaveLength(4_498);
    const consents = await testDb.prisma.subscriberConsent.findMany({ where: { subscriberId: { in: added.map((a) => a.id) } }, select: { event: true, source: true, wordingVersion: true, actorId: true } });
    expect(consents).toHaveLength(4_498);
    expect(new Set(consents.map((c) => `${c.event} ${c.source} ${c.wordingVersion} ${c.actorId}`))).toEqual(new Set([`CONFIRMED IMPORT import-2026-12 ${users.EDITOR.id}`]));
    const view = await imports.getSubscriberImport(users.EDITOR, id);
    expect(view).toMatchObject({ status: 'APPLIED', added: 4_498, accepted: [] });
    expect(view?.skipped.map((s) => [s.line, s.reason])).toEqual([
      [12, 'subscribed'],
      [22, 'suppressed'],
    ]);
    const auditRows = await testDb.prisma.auditLog.findMany({ where: { action: 'subscriber.import', entityId: id }, select: { actorId: true, details: true } });
    expect(auditRows).toEqual([{ actorId: users.EDITOR.id, details: expect.objectContaining({ added: 4_498, skipped: 2 }) }]);

    // A second click, or another editor, adds nothing again.
    const again = await imports.applySubscriberImport(users.ADMIN, id).catch((e: unknown) => e);
    expect(isAppError(again, 'conflict')).toBe(true);
    expect(await testDb.prisma.subscriber.count({ where: { email: { endsWith: `-${t}@example.org` } } })).toBe(4_499);
  });

  it('adds nobody when the transaction fails part way', async () => {
    const t = tag();
    const rows = Array.from({ length: 3_000 }, (_, i) => `atomic${i}-${t}@example.org`);
    const { id } = await preview(['email', ...rows].join('\n'));
    // A fault in the second batch of consent rows, after the subscribers were inserted.
    await testDb.prisma.$executeRawUnsafe(
      `CREATE FUNCTION fail_import_${t}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW."subscriberId" = (SELECT id FROM "Subscriber" WHERE email = '${rows[2_500]}') THEN RAISE EXCEPTION 'injected fault'; END IF;
         RETURN NEW;
       END $$`,
    );
    await testDb.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_import_${t} BEFORE INSERT ON "SubscriberConsent" FOR EACH ROW EXECUTE FUNCTION fail_import_${t}()`);
    try {
      await expect(imports.applySubscriberImport(users.EDITOR, id)).rejects.toThrow();
    } finally {
      await testDb.prisma.$executeRawUnsafe(`DROP TRIGGER fail_import_${t} ON "SubscriberConsent"`);
    }
    expect(await testDb.prisma.subscriber.count({ where: { email: { endsWith: `-${t}@example.org` } } })).toBe(0);
    expect((await imports.getSubscriberImport(users.EDITOR, id))?.status).toBe('PREVIEW');
    // Then it can still be added.
    expect(await imports.applySubscriberImport(users.EDITOR, id)).toEqual({ added: 3_000, skipped: 0 });
  });

  it('a discarded preview keeps no addresses and cannot be added', async () => {
    const { id } = await preview(`email\ndiscard-${tag()}@example.org\nbad\n`);
    await imports.discardSubscriberImport(users.ADMIN, id);
    expect(await imports.getSubscriberImport(users.ADMIN, id)).toMatchObject({ status: 'DISCARDED', accepted: [], rejected: [] });
    const refused = await imports.applySubscriberImport(users.EDITOR, id).catch((e: unknown) => e);
    expect(isAppError(refused, 'conflict')).toBe(true);
  });

  it('sponsors and contributors can neither import nor see an import', async () => {
    const { id } = await preview(`email\nprivate-${tag()}@example.org\n`);
    for (const role of ['SPONSOR', 'CONTRIBUTOR'] as const) {
      for (const attempt of [
        () => preview('email\nx@example.org\n', users[role]),
        () => imports.getSubscriberImport(users[role], id),
        () => imports.recentSubscriberImports(users[role]),
        () => imports.applySubscriberImport(users[role], id),
        () => imports.discardSubscriberImport(users[role], id),
      ]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(isAppError(error, 'forbidden'), role).toBe(true);
      }
    }
  });
});

describe('the subscribers list', () => {
  it('searches by part of the address, filters by status (suppressed included) and counts each stream', async () => {
    const t = tag();
    await subscriber(`lst-a-${t}@example.org`, 'CONFIRMED', { newIssues: true, eventsDigest: 'WEEKLY' });
    await subscriber(`lst-b-${t}@example.org`, 'CONFIRMED', { newIssues: false, eventsDigest: 'MONTHLY' });
    await subscriber(`lst-c-${t}@example.org`, 'PENDING');
    await subscriber(`lst-d-${t}@example.org`, 'CONFIRMED');
    await testDb.prisma.emailSuppression.create({ data: { email: `lst-d-${t}@example.org`, reason: 'BOUNCED' } });
    const all = await data.listSubscribers(users.EDITOR, { q: `-${t}@`, status: 'all', page: 1 });
    expect(all.total).toBe(4);
    expect(Object.fromEntries(all.subscribers.map((s) => [s.email.slice(0, 5), s.status]))).toEqual({ 'lst-a': 'CONFIRMED', 'lst-b': 'CONFIRMED', 'lst-c': 'PENDING', 'lst-d': 'SUPPRESSED' });
    expect((await data.listSubscribers(users.EDITOR, { q: t, status: 'suppressed', page: 1 })).subscribers.map((s) => s.email)).toEqual([`lst-d-${t}@example.org`]);
    expect((await data.listSubscribers(users.EDITOR, { q: t, status: 'confirmed', page: 1 })).total).toBe(2);
    // LIKE's wildcards in a search are literal.
    expect((await data.listSubscribers(users.EDITOR, { q: '%', status: 'all', page: 1 })).total).toBe(0);

    const before = await data.subscriberCounts(users.EDITOR);
    await subscriber(`lst-e-${t}@example.org`, 'CONFIRMED', { newIssues: true, eventsDigest: 'WEEKLY' });
    const after = await data.subscriberCounts(users.EDITOR);
    expect({ newIssues: after.newIssues - before.newIssues, weekly: after.weekly - before.weekly, monthly: after.monthly - before.monthly, confirmed: after.confirmed - before.confirmed }).toEqual({
      newIssues: 1,
      weekly: 1,
      monthly: 0,
      confirmed: 1,
    });
  });

  it('shows a subscriber’s consent history, newest first, with who recorded it', async () => {
    const { id } = await subscriber(`history-${tag()}@example.org`, 'CONFIRMED');
    await testDb.prisma.subscriberConsent.create({ data: { subscriberId: id, event: 'REQUESTED', source: 'FORM', wordingVersion: '2026-12', newIssues: true, eventsDigest: 'NONE', createdAt: new Date(Date.now() - 60_000) } });
    await testDb.prisma.subscriberConsent.create({ data: { subscriberId: id, event: 'CHANGED', source: 'EDITOR', wordingVersion: '2026-12', newIssues: true, eventsDigest: 'WEEKLY', actorId: users.ADMIN.id } });
    const s = await data.getSubscriber(users.ADMIN, id);
    expect(s?.consents.map((c) => [c.event, c.source, c.actor?.name ?? null])).toEqual([
      ['CHANGED', 'EDITOR', 'Subs admin'],
      ['REQUESTED', 'FORM', null],
    ]);
    expect(await data.getSubscriber(users.ADMIN, randomUUID())).toBeNull();
  });

  it('sponsors and contributors see no addresses', async () => {
    for (const role of ['SPONSOR', 'CONTRIBUTOR'] as const) {
      for (const attempt of [
        () => data.listSubscribers(users[role], { q: '', status: 'all', page: 1 }),
        () => data.subscriberCounts(users[role]),
        () => data.getSubscriber(users[role], randomUUID()),
        () => data.exportSubscribers(users[role]),
      ]) {
        expect(isAppError(await attempt().catch((e: unknown) => e), 'forbidden'), role).toBe(true);
      }
    }
  });
});

describe('the export', () => {
  it('is a CSV the import reads back, with formula-like values written as text, and is audited', async () => {
    const t = tag();
    await subscriber(`export-${t}@example.org`, 'CONFIRMED', { newIssues: false, eventsDigest: 'MONTHLY' });
    await subscriber(`=cmd-${t}@example.org`, 'PENDING');
    session.user = users.EDITOR;
    const response = await exportRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="regional-update-subscribers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    const table = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    expect(table.find((r) => r.email === `export-${t}@example.org`)).toMatchObject({ status: 'confirmed', new_issues: 'no', events_digest: 'monthly' });
    expect(table.some((r) => r.email === `'=cmd-${t}@example.org`)).toBe(true);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'subscriber.export', actorId: users.EDITOR.id } })).toBe(1);
    // Read back by the import: everyone is already a subscriber.
    const again = csv.readSubscriberCsv(csv.decodeCsv(new TextEncoder().encode(body)));
    expect(again.accepted.map((r) => r.email)).toContain(`export-${t}@example.org`);
    expect(again.accepted.find((r) => r.email === `export-${t}@example.org`)).toMatchObject({ newIssues: false, eventsDigest: 'MONTHLY' });
  });

  it('sends the signed-out to sign in and refuses sponsors and contributors', async () => {
    session.user = null;
    const anonymous = await exportRoute.GET();
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?callbackUrl=%2Fadmin%2Fsubscribers%2Fexport.csv');
    for (const role of ['SPONSOR', 'CONTRIBUTOR'] as const) {
      session.user = users[role];
      const refused = await exportRoute.GET();
      expect(refused.status, role).toBe(403);
      expect(await refused.text()).not.toContain('@');
    }
    session.user = null;
  });
});
