import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { setDatabaseReachable, type TestDatabase } from '../support/db';
import { startNginx, type Nginx } from '../support/nginx';
import { startProductionApp, type ProductionApp } from '../support/production-app';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// Stored public pages (decision 025) against the production server: the fast path
// answers anonymous readers with script-free documents under a strict CSP, and the
// workflow's own functions (run here, as the job worker runs them: outside a request,
// so revalidation reaches the server through its internal route) update every
// affected stored page. A draft edit of a live issue changes none.

vi.mock('@/lib/revalidate', () => ({
  revalidatePublicContent: () => {
    throw new Error('Invariant: static generation store missing in revalidateTag issues');
  },
}));

// Unchanged, a stored page stays for its hour (revalidate = 3600), so any bound well
// below that proves the update; a loaded machine must not fail it. How fast the update
// is (the 2 s target) is a figure `npm run bench` measures, not something a test times.
const GIVE_UP_AFTER_MS = 20_000;

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let app: ProductionApp;
let wf: typeof import('@/lib/data/workflow');
let pending: typeof import('@/lib/data/pending-changes');
let hash: typeof import('@/lib/workflow/intro-hash');

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  app = await startProductionApp(testDb.url);
  process.env.INTERNAL_URL = app.url;
  process.env.NEXTAUTH_SECRET = app.secret;
  wf = await import('@/lib/data/workflow');
  pending = await import('@/lib/data/pending-changes');
  hash = await import('@/lib/workflow/intro-hash');
  // The start-up rebuild: Next answers until it has committed.
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${app.url}/issues`)).headers.get('x-public-page')) {
    if (Date.now() > deadline) throw new Error(`The public pages were not stored.\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 600_000);

afterAll(async () => {
  delete process.env.INTERNAL_URL;
  await app?.stop();
  await tearDownWorkflowDatabase(testDb);
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(app.url + path, { headers, redirect: 'manual' });

/** Polls until `ok` holds for the page, for at most `limitMs` after `since`. */
async function within(path: string, ok: (res: Response, body: string) => boolean, since: number, limitMs = GIVE_UP_AFTER_MS, headers = {}) {
  for (;;) {
    const res = await get(path, headers);
    const body = await res.text();
    if (ok(res, body)) return { res, body, ms: Date.now() - since };
    if (Date.now() - since > limitMs) {
      throw new Error(`${path} did not change within ${limitMs} ms (status ${res.status}, generation ${res.headers.get('x-public-page')}).\n${app.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stored = (res: Response) => res.status === 200 && !!res.headers.get('x-public-page');

/** A complete document with no client runtime (only the optional /enhance.js) under the strict CSP. */
async function expectScriptFree(res: Response, path: string) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, path).toMatch(/script-src 'self'(;|$)/);
  expect(csp, path).not.toContain('unsafe-inline');
  expect(csp, path).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.filter((s) => !/^<script src="\/enhance\.js"( defer(="")?)?>$/.test(s)), path).toEqual([]);
  expect(html, path).not.toContain('__next_f');
  expect(html, path).toMatch(/<\/html>$/);
}

async function approvedIssue() {
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
  await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: hash.introContentHash(intro) });
  return issue;
}

describe('stored public pages', () => {
  it('are script-free documents (the enhancement file at most) under a CSP without unsafe-inline', async () => {
    const { slug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { month: 'desc' }, select: { slug: true } });
    const event = await testDb.prisma.event.findFirstOrThrow({
      where: { publishedIn: { some: { section: { publication: { current: true, issue: { status: 'PUBLISHED' } } } } } },
      select: { slug: true },
    });
    for (const path of ['/', '/issues', `/issues/${slug}`, '/events', '/events/past', `/events/${event.slug}`]) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(stored(res), path).toBe(true);
      expect(res.headers.get('content-encoding'), path).toBe('br');
      await expectScriptFree(res, path);
    }
    // A conditional request gets a 304 that still carries the validators.
    const first = await get(`/issues/${slug}`);
    const etag = first.headers.get('etag')!;
    const again = await get(`/issues/${slug}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('the October 2025 issue is stored within the size targets of issue 12 (≤ 35 KB, ≤ 9 KB gzipped)', async () => {
    const identity = await get('/issues/regional-update-october-2025', { 'accept-encoding': 'identity' });
    expect(stored(identity)).toBe(true);
    expect((await identity.arrayBuffer()).byteLength).toBeLessThanOrEqual(35_000);
    const gzipped = await get('/issues/regional-update-october-2025', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThanOrEqual(9_000);
    await gzipped.arrayBuffer();
  });

  it('a 404 for a reader is the stored not-found document: its content without JavaScript, no inline script', async () => {
    for (const path of ['/issues/no-such-issue', '/events/no-such-event', '/no-such-page']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('x-public-not-found'), path).toMatch(/^gen-/);
      expect(res.headers.get('content-security-policy') ?? '', path).not.toContain('unsafe-inline');
      const html = await res.text();
      expect(html, path).toContain('Page not found');
      expect(html, path).toMatch(/<title>Page not found/);
      expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => !t.startsWith('<script src="/enhance.js"')), path).toEqual([]);
    }
    // Next's own answer, for comparison: without JavaScript its body for an unknown issue is empty.
    const cookie = await app.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    const signedIn = await get('/issues/no-such-issue', { cookie });
    expect(signedIn.status).toBe(404);
    expect(signedIn.headers.get('x-public-not-found')).toBeNull();
    await signedIn.arrayBuffer();
  });

  it('a signed-in reader, a query string or a Flight request gets Next, not the stored page', async () => {
    const { slug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
    const cookie = await app.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    for (const headers of [{ cookie }, { rsc: '1' }] as Record<string, string>[]) {
      const res = await get(`/issues/${slug}`, headers);
      expect(res.headers.get('x-public-page')).toBeNull();
      expect(res.headers.get('content-security-policy') ?? '').not.toMatch(/script-src 'self';/);
      await res.arrayBuffer();
    }
    const withQuery = await get(`/issues/${slug}?utm_source=email`);
    expect(withQuery.headers.get('x-public-page')).toBeNull();
    expect(await withQuery.text()).toContain('<script');
  });

  it('a search and filtered event lists, rendered by Next, reach an anonymous reader script-free under the strict CSP', async () => {
    for (const path of ['/search?q=safeguarding', '/events?mode=online', '/events/past?page=1']) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-public-page'), path).toBeNull();
      expect(res.headers.get('x-script-free'), path).toBe('1');
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      await expectScriptFree(res, path);
    }
    expect(await (await get('/search?q=safeguarding')).text()).toContain('Regional Safeguarding Conference');
    // A signed-in reader keeps Next's page, with its client runtime.
    const cookie = await app.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    const signedIn = await get('/search?q=safeguarding', { cookie });
    expect(signedIn.headers.get('x-script-free')).toBeNull();
    expect(await signedIn.text()).toContain('<script');
  });

  it('publish, edit-after-publish and unpublish update every affected stored page; a draft edit changes none', async () => {
    const issue = await approvedIssue();
    const event = await testDb.prisma.event.findUniqueOrThrow({ where: { id: issue.eventId }, select: { slug: true, title: true } });
    expect((await get(`/issues/${issue.slug}`)).headers.get('x-public-page')).toBeNull(); // a draft never stored

    let since = Date.now();
    await wf.publishIssue(as.editor, { issueId: issue.id });
    const published = await within(`/issues/${issue.slug}`, (res, body) => stored(res) && body.includes(issue.title), since);
    await within('/', (res, body) => stored(res) && body.includes(issue.title), since);
    await within('/issues', (res, body) => stored(res) && body.includes(`/issues/${issue.slug}`), since);
    await within('/events', (res, body) => stored(res) && body.includes(event.title), since);
    await within(`/events/${event.slug}`, (res, body) => stored(res) && body.includes(`/issues/${issue.slug}`), since);

    // A draft edit of the live issue (the working copy, decision 017): the stored page is the same file.
    await testDb.prisma.section.update({ where: { id: issue.articleId }, data: { title: 'News, not yet published' } });
    const before = published.res.headers.get('etag');
    const generation = published.res.headers.get('x-public-page');
    since = Date.now();
    await fetch(`${app.url}/api/internal/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await import('@/lib/workflow/revalidate')).internalRevalidateToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issueSlugs: [issue.slug] }),
    });
    const regenerated = await within(`/issues/${issue.slug}`, (res) => stored(res) && res.headers.get('x-public-page') !== generation, since);
    expect(regenerated.res.headers.get('etag')).toBe(before);
    expect(regenerated.body).not.toContain('News, not yet published');

    // "Publish changes" makes the edit live on the stored page.
    since = Date.now();
    await pending.publishChanges(as.editor, { issueId: issue.id });
    await within(`/issues/${issue.slug}`, (res, body) => stored(res) && body.includes('News, not yet published'), since);

    // Unpublished: the issue and its event are gone from the store, and from the pages that listed them.
    since = Date.now();
    await wf.unpublishIssue(as.editor, { issueId: issue.id });
    await within(`/issues/${issue.slug}`, (res) => res.status === 404 && !res.headers.get('x-public-page'), since);
    await within(`/events/${event.slug}`, (res) => res.status === 404 && !res.headers.get('x-public-page'), since);
    await within('/', (res, body) => stored(res) && !body.includes(issue.title), since);
    await within('/issues', (res, body) => stored(res) && !body.includes(`/issues/${issue.slug}`), since);
    await within('/events', (res, body) => stored(res) && !body.includes(event.title), since);
  }, 60_000);
});

// The production profile: Debian's nginx with scripts/nginx-config.mjs's config in front
// of the same app. Stored pages come from nginx itself, everything else from the app.
describe('behind nginx (scripts/nginx-config.mjs)', () => {
  let nginx: Nginx;
  let front = '';

  beforeAll(async () => {
    nginx = await startNginx({ upstream: new URL(app.url).host, pages: app.publicPagesDir });
    front = nginx.url;
  });

  afterAll(() => nginx?.stop());

  const viaNginx = (path: string, headers: Record<string, string> = {}) => fetch(front + path, { headers, redirect: 'manual' });

  it('serves a stored page itself: the same bytes, precompressed, with ETag, Cache-Control, CSP and security headers', async () => {
    const { slug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { month: 'desc' }, select: { slug: true } });
    const fromApp = await (await get(`/issues/${slug}`, { 'accept-encoding': 'identity' })).text();
    const res = await viaNginx(`/issues/${slug}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('server')).toBe('nginx');
    expect(res.headers.get('x-public-page')).toMatch(/^gen-/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toBe(fromApp);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await viaNginx(`/issues/${slug}`, { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    const home = await viaNginx('/', { 'accept-encoding': 'identity' });
    expect([home.status, home.headers.get('server'), !!home.headers.get('x-public-page')]).toEqual([200, 'nginx', true]);
    await home.arrayBuffer();
  });

  it('passes everything else to the app: queries, search, signed-in readers, unknown pages', async () => {
    const { slug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
    const search = await viaNginx('/search?q=safeguarding');
    expect(search.status).toBe(200);
    expect(search.headers.get('x-public-page')).toBeNull();
    expect(await search.text()).toContain('safeguarding');
    const withQuery = await viaNginx(`/issues/${slug}?utm_source=email`);
    expect(withQuery.headers.get('x-public-page')).toBeNull();
    expect(await withQuery.text()).toContain('<script');
    const cookie = await app.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    const signedIn = await viaNginx(`/issues/${slug}`, { cookie });
    expect([signedIn.status, signedIn.headers.get('x-public-page')]).toEqual([200, null]);
    await signedIn.arrayBuffer();
    const unknown = await viaNginx('/issues/no-such-issue');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-public-not-found')).toMatch(/^gen-/);
    expect(await unknown.text()).toContain('Page not found');
  });

  it('never serves a draft', async () => {
    const draft = await makeIssue(testDb, { createdById: as.editor.id });
    const res = await viaNginx(`/issues/${draft.slug}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-public-page')).toBeNull();
    expect(await res.text()).not.toContain(draft.title);
  });
});

// Issue 15: PostgreSQL unreachable under read load (docs/decisions/028-database-outage.md).
describe('while PostgreSQL is unreachable', () => {
  const RECOVERS_WITHIN_MS = 10_000;
  const until = async (path: string, status: number, headers: Record<string, string> = {}) =>
    (await within(path, (res) => res.status === status, Date.now(), RECOVERS_WITHIN_MS, headers)).ms;

  it('readers get every published page, calendar and feed; signed-in pages and forms get a 503 page; it recovers by itself', async () => {
    const { slug: issueSlug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
    const eventSlug = /href="\/events\/(?!past")([a-z0-9-]+)"/.exec(await (await get('/events/past')).text())![1]!;
    const storedPaths = ['/', '/issues', `/issues/${issueSlug}`, '/events', '/events/past', `/events/${eventSlug}`];
    const keptPaths = ['/events.ics', '/feed.xml', `/events/${eventSlug}/calendar.ics`, '/events?mode=online', '/search?q=safeguarding'];
    // A change to published content drops every kept copy: none may show what was changed since.
    const changed = '/search?q=fostering';
    expect((await get(changed)).status).toBe(200);
    await fetch(`${app.url}/api/internal/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await import('@/lib/workflow/revalidate')).internalRevalidateToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issueSlugs: [issueSlug] }),
    });
    const before = new Map<string, string>();
    for (const path of keptPaths) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      before.set(path, await res.text());
    }
    const cookie = await app.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    // Four readers, side by side, from the moment the database goes: not one failed read.
    let reading = true;
    const failures: string[] = [];
    const everyPath = [...storedPaths, ...keptPaths];
    const readers = Array.from({ length: 4 }, async (_, i) => {
      for (let n = i; reading; n++) {
        const path = everyPath[n % everyPath.length]!;
        const res = await get(path).catch((e: Error) => ({ status: e.message, arrayBuffer: async () => null }));
        if (res.status !== 200) failures.push(`${path}: ${res.status}`);
        await res.arrayBuffer();
      }
    });
    await setDatabaseReachable(testDb, false);
    const downAt = Date.now();
    try {
      await until('/admin', 503, { cookie });
      for (const path of storedPaths) expect(stored(await get(path)), path).toBe(true);
      for (const path of keptPaths) {
        const res = await get(path);
        expect([res.status, res.headers.get('x-stale-copy')], path).toEqual([200, 'database-unavailable']);
        expect(await res.text(), path).toBe(before.get(path));
      }
      expect((await get('/healthz')).status).toBe(200);
      expect((await get('/readyz')).status).toBe(503);
      for (const path of [changed, '/admin', '/admin/issues']) {
        const res = await get(path, path.startsWith('/admin') ? { cookie } : {});
        const body = await res.text();
        expect([res.status, res.headers.get('retry-after')], path).toEqual([503, '5']);
        expect(body, path).toContain('unavailable for a moment');
        expect(body, path).not.toMatch(/at \S+ \(|Error:/);
      }
      // A form sent without JavaScript: the same page, with a way back to the form.
      const form = await fetch(`${app.url}/admin/issues/new`, {
        method: 'POST',
        headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'title=Typed+during+the+outage',
        redirect: 'manual',
      });
      expect(form.status).toBe(503);
      expect(await form.text()).toContain('href="/admin/issues/new"');
      // The outage issue 15 asks to survive: 10 s under read load.
      await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - downAt))));
    } finally {
      reading = false;
      await Promise.all(readers);
      await setDatabaseReachable(testDb, true);
    }
    expect(failures).toEqual([]);
    expect(await until('/admin', 200, { cookie })).toBeLessThanOrEqual(RECOVERS_WITHIN_MS);
    expect(await until('/readyz', 200)).toBeLessThanOrEqual(RECOVERS_WITHIN_MS);
    expect((await get('/search?q=fostering')).headers.get('x-stale-copy')).toBeNull();
  }, 90_000);
});
