import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';

// Email subscriptions end to end through the route handlers the plain HTML forms
// post to, against real PostgreSQL and a real SMTP server: double opt-in,
// no enumeration, the hourly email limit, throttling, single-use confirmation,
// signed manage links, RFC 8058 one-click unsubscribe and the suppression record.

const SITE = 'https://bulletin.example.org';
let testDb: TestDatabase;
let sink: SmtpSink;
let subscribeRoute: typeof import('@/app/api/subscribe/route');
let confirmRoute: typeof import('@/app/api/subscribe/confirm/route');
let prefsRoute: typeof import('@/app/api/subscriptions/[token]/route');
let unsubscribeRoute: typeof import('@/app/api/subscriptions/[token]/unsubscribe/route');
let tokens: typeof import('@/lib/subscriptions/tokens');

beforeAll(async () => {
  testDb = await createTestDatabase();
  sink = await startSmtpSink();
  process.env.DATABASE_URL = testDb.url;
  process.env.SMTP_URL = sink.url;
  process.env.SITE_URL = SITE;
  process.env.NEXTAUTH_SECRET = 'subscriptions-test-secret';
  subscribeRoute = await import('@/app/api/subscribe/route');
  confirmRoute = await import('@/app/api/subscribe/confirm/route');
  prefsRoute = await import('@/app/api/subscriptions/[token]/route');
  unsubscribeRoute = await import('@/app/api/subscriptions/[token]/unsubscribe/route');
  tokens = await import('@/lib/subscriptions/tokens');
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SUBSCRIBE_DOMAINS;
  await sink?.close();
  await testDb?.drop();
});

beforeEach(() => {
  sink.messages.length = 0;
});

let ipCounter = 0;
/** A fresh client address per call unless given, so the per-IP limit is tested only where meant. */
function post(path: string, fields: Record<string, string>, opts: { ip?: string; origin?: string | null } = {}) {
  const headers: Record<string, string> = { 'x-forwarded-for': opts.ip ?? `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` };
  if (opts.origin !== null) Object.assign(headers, { origin: opts.origin ?? 'http://localhost:3000', host: 'localhost:3000' });
  return new Request(`http://localhost:3000${path}`, { method: 'POST', body: new URLSearchParams(fields), headers });
}

const subscribe = (fields: Record<string, string>, opts?: { ip?: string; origin?: string | null }) =>
  subscribeRoute.POST(post('/api/subscribe', { wording: '2026-12', ...fields }, opts));

const redirectUrl = (r: Response) => new URL(r.headers.get('location')!, 'http://localhost:3000');
const location = (r: Response) => {
  const url = redirectUrl(r);
  return url.pathname + url.search + url.hash;
};

function linkIn(mail: ReceivedMail, path: string): URL {
  const found = mail.text.match(/https:\/\/\S+/g)?.map((u) => new URL(u)).find((u) => u.pathname.startsWith(path));
  if (!found) throw new Error(`no ${path} link in: ${mail.text}`);
  return found;
}

async function subscribeAndConfirm(email: string, fields: Record<string, string> = { newIssues: 'on' }) {
  await subscribe({ email, ...fields });
  const mail = (await sink.waitFor(1)).at(-1)!;
  const token = linkIn(mail, '/subscribe/confirm').searchParams.get('token')!;
  const confirmed = await confirmRoute.POST(post('/api/subscribe/confirm', { token }));
  const manage = location(confirmed).split('?')[0]!.replace('/subscriptions/', '');
  sink.messages.length = 0;
  return { token, manage, confirmed };
}

const subscriber = (email: string) => testDb.prisma.subscriber.findUniqueOrThrow({ where: { email }, include: { consents: { orderBy: { createdAt: 'asc' } } } });
const params = (token: string) => ({ params: Promise.resolve({ token }) });

describe('the data model', () => {
  it('refuses addresses that are not normalised, and a subscriber who receives nothing', async () => {
    for (const email of ['Upper@Example.org', ' space@example.org', 'line\r\nbreak@example.org', 'no-at-sign']) {
      await expect(testDb.prisma.subscriber.create({ data: { email } })).rejects.toThrow();
    }
    await expect(testDb.prisma.subscriber.create({ data: { email: 'nothing@example.org', newIssues: false } })).rejects.toThrow();
    await expect(testDb.prisma.subscriber.create({ data: { email: 'half@example.org', status: 'CONFIRMED' } })).rejects.toThrow();
    await expect(testDb.prisma.subscriber.create({ data: { email: 'ok-model@example.org', newIssues: false, eventsDigest: 'WEEKLY' } })).resolves.toBeTruthy();
  });
});

describe('subscribing', () => {
  it('sends only a confirmation email, stores only the token hash, and confirms once from the received link', async () => {
    const r = await subscribe({ email: '  Reader.One@Example.ORG ', newIssues: 'on', eventsDigest: 'monthly' });
    expect(r.status).toBe(303);
    expect(location(r)).toBe('/subscribe/check-email');
    const [mail] = await sink.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['reader.one@example.org']);
    expect(mail!.subject).toBe('Confirm your subscription to Regional Update');
    expect(mail!.text).toContain('Nothing will be sent unless you confirm');
    const link = linkIn(mail!, '/subscribe/confirm');
    expect(link.origin).toBe(SITE);
    const token = link.searchParams.get('token')!;
    expect(mail!.html).toContain(`href="${SITE}/subscribe/confirm?token=${token}"`);

    const pending = await subscriber('reader.one@example.org');
    expect(pending.status).toBe('PENDING');
    expect(pending.consents.map((c) => [c.event, c.source, c.wordingVersion])).toEqual([['REQUESTED', 'FORM', '2026-12']]);
    const stored = await testDb.prisma.subscriptionToken.findFirstOrThrow({ where: { subscriberId: pending.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);

    const confirmed = await confirmRoute.POST(post('/api/subscribe/confirm', { token }));
    expect(confirmed.status).toBe(303);
    expect(location(confirmed)).toMatch(/^\/subscriptions\/[0-9a-f-]{36}\.1\.[A-Za-z0-9_-]{43}\?done=confirmed$/);
    const after = await subscriber('reader.one@example.org');
    expect(after).toMatchObject({ status: 'CONFIRMED', newIssues: true, eventsDigest: 'MONTHLY' });
    expect(after.consents.map((c) => c.event)).toEqual(['REQUESTED', 'CONFIRMED']);
    // Single use.
    expect(location(await confirmRoute.POST(post('/api/subscribe/confirm', { token })))).toBe('/subscribe/confirm?error=invalid');
  });

  it('gives the same answer for new, pending, confirmed and unsubscribed addresses', async () => {
    await subscribe({ email: 'pending@example.org', newIssues: 'on' });
    const { manage } = await subscribeAndConfirm('confirmed@example.org');
    const left = await subscribeAndConfirm('left@example.org');
    await unsubscribeRoute.POST(post(`/api/subscriptions/${left.manage}/unsubscribe`, { confirm: 'yes' }), params(left.manage));
    expect(manage).toBeTruthy();
    const answers = [];
    for (const email of ['brand-new@example.org', 'pending@example.org', 'confirmed@example.org', 'left@example.org']) {
      const r = await subscribe({ email, newIssues: 'on' });
      answers.push([r.status, location(r)]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual([303, '/subscribe/check-email']);
  });

  it('sends at most one confirmation email per address per hour', async () => {
    for (let i = 0; i < 3; i++) await subscribe({ email: 'hourly@example.org', newIssues: 'on' });
    await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.filter((m) => m.envelopeTo.includes('hourly@example.org'))).toHaveLength(1);
    // An hour later a new request sends again.
    await testDb.prisma.subscriber.update({ where: { email: 'hourly@example.org' }, data: { confirmationSentAt: new Date(Date.now() - 61 * 60_000) } });
    await subscribe({ email: 'hourly@example.org', newIssues: 'on' });
    await sink.waitFor(2);
  });

  it('sends one email and makes one subscriber for concurrent requests; two clicks at once confirm once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => subscribe({ email: 'race@example.org', newIssues: 'on' })));
    expect(answers.map(location)).toEqual(Array(5).fill('/subscribe/check-email'));
    const [mail] = await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.filter((m) => m.envelopeTo.includes('race@example.org'))).toHaveLength(1);
    expect(await testDb.prisma.subscriber.count({ where: { email: 'race@example.org' } })).toBe(1);
    const token = linkIn(mail!, '/subscribe/confirm').searchParams.get('token')!;
    const clicks = await Promise.all(Array.from({ length: 4 }, () => confirmRoute.POST(post('/api/subscribe/confirm', { token }))));
    expect(clicks.map(location).filter((l) => l.includes('done=confirmed'))).toHaveLength(1);
    expect((await subscriber('race@example.org')).consents.filter((c) => c.event === 'CONFIRMED')).toHaveLength(1);
  });

  it('gives the hour back when the SMTP server refuses, so asking again sends', async () => {
    sink.failNext(1);
    expect(location(await subscribe({ email: 'smtp-down@example.org', newIssues: 'on' }))).toBe('/subscribe/check-email');
    expect((await subscriber('smtp-down@example.org')).confirmationSentAt).toBeNull();
    await subscribe({ email: 'smtp-down@example.org', newIssues: 'on' });
    const [mail] = await sink.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['smtp-down@example.org']);
  });

  it('tells a confirmed subscriber by email that nothing changed, with their manage link', async () => {
    const { manage } = await subscribeAndConfirm('already@example.org');
    await testDb.prisma.subscriber.update({ where: { email: 'already@example.org' }, data: { confirmationSentAt: null } });
    await subscribe({ email: 'already@example.org', newIssues: 'on' });
    const [mail] = await sink.waitFor(1);
    expect(mail!.subject).toBe('You are already subscribed to Regional Update');
    expect(linkIn(mail!, '/subscriptions/').pathname).toBe(`/subscriptions/${manage}`);
    expect((await subscriber('already@example.org')).status).toBe('CONFIRMED');
  });

  it('refuses bad input with the error and what was typed, and sends nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ email: '' , newIssues: 'on' }, 'email-missing'],
      [{ email: 'not an address', newIssues: 'on' }, 'email-format'],
      [{ email: `${'a'.repeat(250)}@example.org`, newIssues: 'on' }, 'email-long'],
      [{ email: 'victim@example.org\r\nBcc: many@example.org', newIssues: 'on' }, 'email-lines'],
      [{ email: 'victim@example.org\n', newIssues: 'on' }, 'email-lines'],
      [{ email: 'none@example.org' }, 'streams'],
      [{ email: 'none@example.org', newIssues: 'on', eventsDigest: 'daily' }, 'form'],
      [{ email: 'none@example.org', newIssues: 'on', admin: 'yes' }, 'form'],
    ];
    for (const [fields, code] of cases) {
      const r = await subscribe(fields);
      expect(r.status).toBe(303);
      expect(redirectUrl(r).searchParams.get('error'), JSON.stringify(fields)).toBe(code);
    }
    const kept = redirectUrl(await subscribe({ email: 'typo@example', newIssues: 'on', eventsDigest: 'weekly' }));
    expect(Object.fromEntries(kept.searchParams)).toEqual({ error: 'email-format', email: 'typo@example', newIssues: 'on', eventsDigest: 'weekly' });
    const noBreaks = redirectUrl(await subscribe({ email: 'x@example.org\r\nBcc: y', newIssues: 'on' }));
    expect(noBreaks.searchParams.has('email')).toBe(false);
    // Not a form at all.
    const raw = await subscribeRoute.POST(new Request('http://localhost:3000/api/subscribe', { method: 'POST', body: '{"email":1}', headers: { 'content-type': 'application/json' } }));
    expect(location(raw)).toBe('/subscribe?error=form#subscribe-error');
    expect(await testDb.prisma.subscriber.count({ where: { email: { in: ['none@example.org', 'victim@example.org', 'typo@example'] } } })).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it('refuses a form posted from another site', async () => {
    const r = await subscribe({ email: 'cross@example.org', newIssues: 'on' }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const fetchSite = (site: string, origin: string) =>
      subscribeRoute.POST(new Request('http://localhost:3000/api/subscribe', { method: 'POST', body: new URLSearchParams({ email: 'cross@example.org', newIssues: 'on' }), headers: { 'sec-fetch-site': site, origin, host: 'localhost:3000' } }));
    expect((await fetchSite('cross-site', 'http://localhost:3000')).status).toBe(403);
    expect((await fetchSite('same-site', 'https://sub.localhost:3000')).status).toBe(403);
    expect(await testDb.prisma.subscriber.count({ where: { email: 'cross@example.org' } })).toBe(0);
    // A page with no referrer posts `Origin: null`; the browser still says it is the same origin.
    expect(location(await fetchSite('same-origin', 'null'))).toBe('/subscribe/check-email');
  });

  it('throttles per address and per client address', async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 6; i++) codes.push(redirectUrl((await subscribe({ email: 'throttle-me@example.org', newIssues: 'on' }))).searchParams.get('error'));
    expect(codes).toEqual([null, null, null, null, null, 'throttled']);
    const keys = (await testDb.prisma.rateLimiterFlexible.findMany({ where: { key: { startsWith: 'subscribe:address' } }, select: { key: true } })).map((k) => k.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('throttle-me');
    const office: (string | null)[] = [];
    for (let i = 0; i < 61; i++) {
      office.push(redirectUrl((await subscribe({ email: `colleague-${i}@example.org`, newIssues: 'on' }, { ip: '192.0.2.7' }))).searchParams.get('error'));
    }
    expect(office.slice(0, 60).every((c) => c === null)).toBe(true);
    expect(office[60]).toBe('throttled');
  });

  it('restricts subscriptions to the configured domains, with a clear message to others', async () => {
    process.env.SUBSCRIBE_DOMAINS = 'council.gov.uk, @trust.nhs.uk';
    try {
      expect(redirectUrl((await subscribe({ email: 'someone@gmail.com', newIssues: 'on' }))).searchParams.get('error')).toBe('domain');
      expect(location(await subscribe({ email: 'worker@council.gov.uk', newIssues: 'on' }))).toBe('/subscribe/check-email');
      expect(location(await subscribe({ email: 'nurse@east.trust.nhs.uk', newIssues: 'on' }))).toBe('/subscribe/check-email');
      expect(location(await subscribe({ email: 'x@notcouncil.gov.uk', newIssues: 'on' }))).not.toBe('/subscribe/check-email');
    } finally {
      delete process.env.SUBSCRIBE_DOMAINS;
    }
  });

  it('refuses expired and unknown confirmation links', async () => {
    await subscribe({ email: 'expired@example.org', newIssues: 'on' });
    const token = linkIn((await sink.waitFor(1))[0]!, '/subscribe/confirm').searchParams.get('token')!;
    await testDb.prisma.subscriptionToken.updateMany({ where: { subscriber: { email: 'expired@example.org' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(location(await confirmRoute.POST(post('/api/subscribe/confirm', { token })))).toBe('/subscribe/confirm?error=invalid');
    expect(location(await confirmRoute.POST(post('/api/subscribe/confirm', { token: 'x'.repeat(43) })))).toBe('/subscribe/confirm?error=invalid');
    expect(location(await confirmRoute.POST(post('/api/subscribe/confirm', { token: 'short' })))).toBe('/subscribe/confirm?error=invalid');
    expect((await subscriber('expired@example.org')).status).toBe('PENDING');
  });
});

describe('managing and leaving', () => {
  it('changes preferences through the signed link and records the change', async () => {
    const { manage } = await subscribeAndConfirm('prefs@example.org');
    const r = await prefsRoute.POST(post(`/api/subscriptions/${manage}`, { eventsDigest: 'weekly' }), params(manage));
    expect(location(r)).toBe(`/subscriptions/${manage}?done=saved`);
    const s = await subscriber('prefs@example.org');
    expect(s).toMatchObject({ newIssues: false, eventsDigest: 'WEEKLY' });
    expect(s.consents.at(-1)).toMatchObject({ event: 'CHANGED', newIssues: false, eventsDigest: 'WEEKLY' });
    const nothing = await prefsRoute.POST(post(`/api/subscriptions/${manage}`, { eventsDigest: 'none' }), params(manage));
    expect(location(nothing)).toBe(`/subscriptions/${manage}?error=streams#preferences-error`);
    expect((await subscriber('prefs@example.org')).eventsDigest).toBe('WEEKLY');
  });

  it('refuses forged, tampered and revoked manage links', async () => {
    const { manage } = await subscribeAndConfirm('forged@example.org');
    const s = await subscriber('forged@example.org');
    const forged = tokens.manageToken({ id: s.id, manageVersion: 1 }).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const otherVersion = `${s.id}.2.${manage.split('.')[2]}`;
    for (const bad of [forged, otherVersion, 'not-a-token', `${s.id}.1.`]) {
      expect(location(await prefsRoute.POST(post(`/api/subscriptions/${bad}`, { newIssues: 'on', eventsDigest: 'monthly' }), params(bad)))).not.toContain('done=saved');
      const one = await unsubscribeRoute.POST(post(`/api/subscriptions/${bad}/unsubscribe`, { 'List-Unsubscribe': 'One-Click' }, { origin: null }), params(bad));
      expect(one.status).toBe(404);
    }
    expect(await subscriber('forged@example.org')).toMatchObject({ status: 'CONFIRMED', eventsDigest: 'NONE' });
    // Raising the version revokes the links sent so far.
    await testDb.prisma.subscriber.update({ where: { id: s.id }, data: { manageVersion: 2 } });
    expect((await unsubscribeRoute.POST(post(`/api/subscriptions/${manage}/unsubscribe`, { 'List-Unsubscribe': 'One-Click' }), params(manage))).status).toBe(404);
  });

  it('unsubscribes by the RFC 8058 one-click POST, keeps a suppression record, and needs a new confirmation to come back', async () => {
    const { manage } = await subscribeAndConfirm('oneclick@example.org');
    const r = await unsubscribeRoute.POST(post(`/api/subscriptions/${manage}/unsubscribe`, { 'List-Unsubscribe': 'One-Click' }, { origin: null }), params(manage));
    expect(r.status).toBe(200);
    expect(r.headers.get('location')).toBeNull();
    const s = await subscriber('oneclick@example.org');
    expect(s.status).toBe('UNSUBSCRIBED');
    expect(s.consents.at(-1)?.event).toBe('WITHDRAWN');
    expect(await testDb.prisma.emailSuppression.findUnique({ where: { email: 'oneclick@example.org' } })).toMatchObject({ reason: 'UNSUBSCRIBED', liftedAt: null });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'subscriber.unsubscribe', entityId: s.id } })).toBe(1);
    // Again: nothing new.
    expect((await unsubscribeRoute.POST(post(`/api/subscriptions/${manage}/unsubscribe`, { 'List-Unsubscribe': 'One-Click' }), params(manage))).status).toBe(200);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'subscriber.unsubscribe', entityId: s.id } })).toBe(1);
    // Preferences cannot be changed while unsubscribed.
    await prefsRoute.POST(post(`/api/subscriptions/${manage}`, { newIssues: 'on' }), params(manage));
    expect((await subscriber('oneclick@example.org')).status).toBe('UNSUBSCRIBED');

    // Coming back is the reader's own confirmed request: it lifts the suppression, which stays on record.
    await testDb.prisma.subscriber.update({ where: { id: s.id }, data: { confirmationSentAt: null } });
    await subscribeAndConfirm('oneclick@example.org');
    expect((await subscriber('oneclick@example.org')).status).toBe('CONFIRMED');
    const lifted = await testDb.prisma.emailSuppression.findUniqueOrThrow({ where: { email: 'oneclick@example.org' } });
    expect(lifted.liftedAt).not.toBeNull();
  });

  it('unsubscribes from the page with one confirmation click; a body without it changes nothing', async () => {
    const { manage } = await subscribeAndConfirm('page-leave@example.org');
    const empty = await unsubscribeRoute.POST(post(`/api/subscriptions/${manage}/unsubscribe`, {}), params(manage));
    expect(empty.status).toBe(400);
    expect((await subscriber('page-leave@example.org')).status).toBe('CONFIRMED');
    const r = await unsubscribeRoute.POST(post(`/api/subscriptions/${manage}/unsubscribe`, { confirm: 'yes' }), params(manage));
    expect(location(r)).toBe(`/subscriptions/${manage}/unsubscribe?done=1`);
    expect((await subscriber('page-leave@example.org')).status).toBe('UNSUBSCRIBED');
    const get = await unsubscribeRoute.GET(new Request(`http://localhost:3000/api/subscriptions/${manage}/unsubscribe`), params(manage));
    expect(location(get)).toBe(`/subscriptions/${manage}/unsubscribe`);
  });

  it('never mails or re-confirms an address an editor suppressed', async () => {
    await testDb.prisma.emailSuppression.create({ data: { email: 'blocked@example.org', reason: 'EDITOR' } });
    const r = await subscribe({ email: 'blocked@example.org', newIssues: 'on' });
    expect(location(r)).toBe('/subscribe/check-email');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages).toHaveLength(0);
  });
});
