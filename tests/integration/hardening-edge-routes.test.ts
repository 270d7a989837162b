import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoutes, fillRoute, type AppRoute } from '../support/app-routes';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { seedLikeNpmStart, startProductionApp, type ProductionApp } from '../support/production-app';

// Never a 500 on odd input: EVERY route in app/ (read from the directory), with
// malformed and odd path segments and query strings, anonymous and signed in as
// an editor and an admin, against the production build and real PostgreSQL.
// Then server actions replayed the way a probe does: cross-site, oversized,
// undecodable, and with bodies no form sends.

const root = path.resolve(__dirname, '../..');

let testDb: TestDatabase;
let app: ProductionApp;
const cookies: Record<'anonymous' | 'editor' | 'admin', string> = { anonymous: '', editor: '', admin: '' };
let real: Record<string, string>;
let startedAt: number;

/** Undecodable, overlong or control characters: the edge answers these itself. */
const MALFORMED_SEGMENTS = ['%FF', '%C0%AF', '%00', '%0A', '%0D%0A', '%E0%80%80', '%ED%A0%80', '%', '%zz', '%7F', '%C2%85', 'a%00.png'];
/** Decodable but not what the route expects: these reach the page or handler. */
const ODD_SEGMENTS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  randomUUID(),
  'a'.repeat(300),
  '%E2%80%A8%F0%9F%92%A9%EF%BF%BF',
  '%27%22%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '__proto__',
  '%25FF',
  `${'a'.repeat(64)}.png`,
];
const MALFORMED_QUERIES = ['?q=%00', '?page=-1&q=%00', '?q=%00&page=1e9', '?page=%FF', '?x=%C0%AF', '?q=100%', '?done=%0D%0ASet-Cookie:x=1'];
const ODD_QUERIES = [
  '?page=-1&q=%E2%80%AE%F0%9F%92%A9',
  '?page=1e9',
  `?page=99999999999999999999999&q=${'x'.repeat(4000)}`,
  '?q=a&q=b&page=1&page=2',
  '?before=99999999999999999999&after=-1&from=2026-02-31&to=x&actor=none&action=%24x&entity=%3C',
  '?mode=x&free=no&topic=%E2%80%A8&organiser=A&kind=%3Cx%3E',
  '?created=1&deleted=%3Cscript%3E&done=deleted&error=invalid&_rsc=1',
];

// Real values for each route's segments, so the odd queries reach real pages.
function realValues(route: AppRoute): Record<string, string> {
  const p = route.pattern;
  const id = p.startsWith('/admin/subscribers/import/') ? real.subscriberImport
    : p.startsWith('/admin/subscribers/') ? real.subscriber
    : p.startsWith('/admin/issues/') ? real.issue
    : p.startsWith('/admin/events/') ? real.event
    : p.startsWith('/admin/people/') ? real.person
    : p.startsWith('/admin/organisations/') ? real.organisation
    : p.startsWith('/admin/users/') ? real.user
    : p.startsWith('/admin/contributions/') ? real.contribution
    : real.issue;
  const slug = p.startsWith('/events/') ? real.eventSlug : p.startsWith('/admin/site-pages/') ? 'accessibility' : real.issueSlug;
  return { id: id!, sectionId: real.section!, slug: slug!, token: 'x'.repeat(43), file: `${'a'.repeat(64)}.png`, nextauth: 'session' };
}

/** Every URL to try for a route: one segment at a time made odd, the others real. */
function urlsFor(route: AppRoute): string[] {
  const base = realValues(route);
  const urls = new Set<string>([fillRoute(route, base)]);
  for (const { name, catchAll } of route.params) {
    const odd = [...MALFORMED_SEGMENTS, ...ODD_SEGMENTS, ...(catchAll ? ['providers', 'csrf', 'signin/%FF', 'callback/%00', 'a/b/c/d/e'] : [])];
    for (const v of odd) urls.add(fillRoute(route, { ...base, [name]: v }));
  }
  const plain = fillRoute(route, base);
  for (const q of [...MALFORMED_QUERIES, ...ODD_QUERIES]) urls.add(plain + q);
  return [...urls];
}

// A stack frame, a source path or the repository's own path: never in what users see.
const STACK_TRACE = [/\n\s+at [^\n]+:\d+:\d+/, /webpack-internal:/, /node_modules\//, new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))];

type Failure = { who: string; url: string; status: number; why: string };

async function check(who: keyof typeof cookies, url: string, init: RequestInit = {}): Promise<Failure | null> {
  const res = await fetch(app.url + url, {
    redirect: 'manual',
    ...init,
    headers: { ...(cookies[who] ? { cookie: cookies[who] } : {}), ...(init.headers as Record<string, string> | undefined) },
  });
  const body = await res.text();
  if (res.status >= 500) return { who, url: url.slice(0, 200), status: res.status, why: body.slice(0, 200) };
  const leak = STACK_TRACE.find((re) => re.test(body));
  if (leak) return { who, url: url.slice(0, 200), status: res.status, why: `stack trace (${leak})` };
  return null;
}

/** Runs checks a few at a time: the server has two cores. */
async function checkAll(jobs: (() => Promise<Failure | null>)[], concurrency = 4): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const f = await jobs[next++]!();
        if (f) failures.push(f);
      }
    }),
  );
  return failures;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedLikeNpmStart(testDb.url);
  app = await startProductionApp(testDb.url);
  startedAt = Date.now();
  const db = testDb.prisma;
  for (const role of ['EDITOR', 'ADMIN'] as const) {
    const email = `edge-${role.toLowerCase()}@example.test`;
    const u = await db.user.create({ data: { email, name: `Edge ${role.toLowerCase()}`, role }, select: { id: true, email: true, name: true } });
    cookies[role === 'EDITOR' ? 'editor' : 'admin'] = await app.sessionCookie(u);
  }
  const issue = await db.issue.findFirstOrThrow({ where: { status: 'DRAFT' }, select: { id: true, sections: { take: 1, select: { id: true } } } });
  const published = await db.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
  const event = await db.event.findFirstOrThrow({ where: { sections: { some: { section: { issue: { status: 'PUBLISHED' } } } } }, select: { id: true, slug: true } });
  const person = await db.person.findFirstOrThrow({ select: { id: true } });
  const organisation = await db.organisation.findFirstOrThrow({ select: { id: true } });
  const contributor = await db.user.create({ data: { email: 'edge-contributor@example.test', name: 'Edge contributor', role: 'CONTRIBUTOR', organisationId: organisation.id }, select: { id: true } });
  const contribution = await db.contribution.create({
    data: { kind: 'ARTICLE', title: 'Edge contribution', body: { type: 'doc', content: [] }, organisationId: organisation.id, submittedById: contributor.id },
    select: { id: true },
  });
  const subscriber = await db.subscriber.create({ data: { email: 'edge-reader@example.test' }, select: { id: true } });
  const subscriberImport = await db.subscriberImport.create({
    data: { fileName: 'edge.csv', rowCount: 1, accepted: [{ line: 2, email: 'edge-import@example.test', newIssues: true, eventsDigest: 'NONE' }], rejected: [] },
    select: { id: true },
  });
  real = {
    subscriber: subscriber.id,
    subscriberImport: subscriberImport.id,
    issue: issue.id,
    section: issue.sections[0]!.id,
    issueSlug: published.slug,
    event: event.id,
    eventSlug: event.slug,
    person: person.id,
    organisation: organisation.id,
    user: contributor.id,
    contribution: contribution.id,
  };
}, 1_200_000);

afterAll(async () => {
  await app?.stop();
  await testDb?.drop();
});

describe('every route in app/', () => {
  const routes = appRoutes(path.join(root, 'app'));

  it('finds the pages and route handlers, dynamic ones included', () => {
    const patterns = routes.map((r) => r.pattern);
    expect(patterns).toEqual(expect.arrayContaining(['/', '/issues/[slug]', '/events/[slug]/calendar.ics', '/media/[file]', '/admin/issues/[id]/sections/[sectionId]', '/api/auth/[...nextauth]', '/robots.txt']));
    expect(routes.length).toBeGreaterThan(45);
  });

  // Public pages answer the same with or without a session; signed in, only the
  // routes that read one are walked again.
  const readsSession = (r: AppRoute) => /^\/(admin|api|sign-in|preview|approve)(\/|$)/.test(r.pattern);

  it.each(['anonymous', 'editor', 'admin'] as const)('never answers 5xx or shows a stack trace, %s', async (who) => {
    const walked = who === 'anonymous' ? routes : routes.filter(readsSession);
    const jobs = walked.flatMap((route) => urlsFor(route).map((url) => () => check(who, url)));
    const failures = await checkAll(jobs);
    expect(failures, `${failures.length} of ${jobs.length} requests failed\n${app.output().slice(-3000)}`).toEqual([]);
  }, 600_000);
});

/** Files under dir changed after a time (a page or a query result the server cached). */
function changedSince(dir: string, since: number): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => statSync(file).mtimeMs > since)
    .map((file) => path.relative(root, file));
}

describe('the cache', () => {
  // After the walks above (the files run their tests in order): a server keeps what
  // it caches in memory, so nothing it read from this database is left for the next
  // server on the same build, or this one after a restore (decision 004).
  // Where the production server's cache would write (`next dev`, run by another test
  // at the same time, has its own folder, .next/dev).
  it('a server that served every route wrote nothing into .next', () => {
    const written = ['server', 'cache'].flatMap((dir) => changedSince(path.join(root, '.next', dir), startedAt));
    expect(written).toEqual([]);
  });
});

describe('the edge guard', () => {
  it('answers a malformed address with a small 400 page carrying the site’s headers', async () => {
    for (const url of ['/issues/%FF', '/events/%00/calendar.ics', '/admin/issues/%C0%AF', '/admin/people/%00', '/search?q=%FF']) {
      const res = await fetch(app.url + url, { headers: { cookie: cookies.editor }, redirect: 'manual' });
      expect(res.status, url).toBe(400);
      const body = await res.text();
      expect(body).toContain('<html lang="en">');
      expect(body).toMatch(/<title>[^<]+<\/title>/);
      expect(body).toMatch(/<h1>[^<]+<\/h1>/);
      expect(body).toContain('<a href="/">');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('control characters in a query', () => {
  it('reach the page, whose schema strips them: the list answers, with the page number clamped', async () => {
    for (const [url, heading] of [
      ['/admin/media?page=-1&q=%00', 'Media library'],
      ['/admin/people?q=%00&page=1e9', 'People'],
      ['/search?q=safe%00guarding%0A', 'Search'],
    ] as const) {
      const res = await fetch(app.url + url, { headers: { cookie: cookies.editor }, redirect: 'manual' });
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toContain(heading);
    }
  });
});

describe('server actions replayed with odd requests', () => {
  const manifest = () => JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName: string }> };
  const actionId = (name: string) => Object.entries(manifest().node).find(([, v]) => v.exportedName === name)![0];
  const issuePage = () => `/admin/issues/${real.issue}`;

  /** A fetch action (as the React client sends it): the arguments' JSON in field 0, a FormData argument's fields before it. */
  function fetchAction(name: string, fields: [string, string | Blob][], rootJson = '[{"status":"idle"},"$K1"]', origin = app.url) {
    const fd = new FormData();
    for (const [k, v] of fields) fd.append(`_1_${k}`, v);
    fd.append('0', rootJson);
    return fetch(app.url + issuePage(), { method: 'POST', body: fd, headers: { cookie: cookies.editor, 'next-action': actionId(name), accept: 'text/x-component', origin } });
  }
  /** A form posted without JavaScript (React's progressive enhancement fields). */
  function formPost(page: string, name: string, fields: [string, string | Blob][], bound = '[{"status":"idle"}]') {
    const fd = new FormData();
    fd.append('$ACTION_REF_1', '');
    fd.append('$ACTION_1:0', JSON.stringify({ id: actionId(name), bound: '$@1' }));
    fd.append('$ACTION_1:1', bound);
    fd.append('$ACTION_KEY', 'k1');
    for (const [k, v] of fields) fd.append(k, v);
    return fetch(app.url + page, { method: 'POST', body: fd, headers: { cookie: cookies.editor, origin: app.url }, redirect: 'manual' });
  }
  const noStack = (body: string) => STACK_TRACE.forEach((re) => expect(body).not.toMatch(re));

  it('a cross-site post is refused with 403 and a page, never run', async () => {
    const before = await testDb.prisma.section.count({ where: { issueId: real.issue } });
    for (const origin of ['http://evil.example', 'null', 'not a url']) {
      const res = await fetchAction('addSectionAction', [['issueId', real.issue!], ['kind', 'ARTICLE'], ['title', 'From elsewhere']], undefined, origin);
      expect(res.status, origin).toBe(403);
      const body = await res.text();
      expect(body).toContain('<html lang="en">');
      noStack(body);
    }
    expect(await testDb.prisma.section.count({ where: { issueId: real.issue } })).toBe(before);
  });

  it('bodies React cannot decode are a 400, for fetch actions and forms without JavaScript', async () => {
    for (const rootJson of ['[{"status":', '[1,"$Q9"]', '[1,"$h9"]', '[1,{"version":"$n1e"}]', JSON.stringify(Array(2000).fill(1))]) {
      const res = await fetchAction('updateIssueAction', [['id', real.issue!]], rootJson);
      expect(res.status, rootJson).toBe(400);
      noStack(await res.text());
    }
    for (const bound of ['[{', JSON.stringify(Array(5000).fill(1))]) {
      const res = await formPost(issuePage(), 'reorderSectionsAction', [['sectionId', real.section!], ['direction', 'down']], bound);
      expect(res.status, bound).toBe(400);
      const body = await res.text();
      expect(body).toContain('Your form could not be sent');
      noStack(body);
    }
  });

  it('the issue page’s actions answer bodies no form sends with the form’s error, never a 500', async () => {
    const issueId = real.issue!;
    const cases: [string, [string, string | Blob][]][] = [
      ['updateIssueAction', [['id', issueId], ['version', '1'], ['title', 'T\u0000'], ['slug', 'ab'], ['year', '2026'], ['month', '3']]],
      ['updateIssueAction', [['id', issueId], ['version', String(2 ** 40)], ['title', 'T'], ['slug', 'ab'], ['year', '2026'], ['month', '3']]],
      ['updateIssueAction', [['__proto__', 'x'], ['toString', 'y'], ['id', issueId]]],
      ['addSectionAction', [['issueId', issueId], ['kind', 'ARTICLE'], ['title', 'a\u0000b']]],
      ['addSectionAction', [['issueId', issueId], ['kind', 'ARTICLE'], ['title', 'a'], ['title', 'b']]],
      ['reorderSectionsAction', [['sectionId', real.section!], ['direction', 'sideways']]],
      ['deleteSectionAction', [['sectionId', real.section!], ['confirm', 'yes'], ['confirm', 'yes']]],
      ['scheduleIssueAction', [['issueId', issueId], ['date.day', '\u0000'], ['date.month', '1'], ['date.year', '9'.repeat(19)], ['time', '25:61']]],
      ['createPreviewLinkAction', [['issueId', issueId], ['issueId', issueId]]],
      ['revokeAccessLinkAction', [['issueId', issueId], ['id', new Blob(['x'])]]],
    ];
    for (const [name, fields] of cases) {
      const res = await fetchAction(name, fields);
      const body = await res.text();
      expect(res.status, `${name} ${JSON.stringify(fields)}`).toBe(200);
      expect(body, name).toMatch(/"status":"error","code":40\d/);
      expect(body, name).not.toContain('Something went wrong');
      const form = await formPost(issuePage(), name, fields);
      expect(form.status, `${name} without JavaScript`).toBeLessThan(500);
      noStack(await form.text());
    }
    expect(await testDb.prisma.section.count({ where: { issueId, title: { in: ['a\u0000b', 'a', 'b'] } } }).catch(() => 0)).toBe(0);
  });

  it('an upload over 5 MB without JavaScript gets the form’s message; over the body limit a 413 page', async () => {
    const seven = new File([new Uint8Array(7 * 1024 * 1024)], 'big.png', { type: 'image/png' });
    const res = await formPost('/admin/media', 'uploadMediaAction', [['file', seven], ['alt', 'Kept alt text']]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('The file is larger than 5 MB');
    expect(html).toContain('Kept alt text');

    const huge = new File([new Uint8Array(17 * 1024 * 1024)], 'huge.png', { type: 'image/png' });
    const tooLarge = await formPost('/admin/media', 'uploadMediaAction', [['file', huge], ['alt', 'x']]);
    expect(tooLarge.status).toBe(413);
    const page = await tooLarge.text();
    expect(page).toContain('What you sent is too large');
    expect(page).toContain('<a href="/admin/media">');
    expect(await testDb.prisma.media.count()).toBe(0);
  });
});
