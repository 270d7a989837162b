import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// Every admin page, found on disk at test time (app/(admin)/**/page.tsx), is opened
// anonymously and by each role. Anonymous visitors are sent to sign in with a
// callbackUrl and see nothing of the page; roles without access get a permission
// or not-found page with none of the draft data; permitted roles get the page,
// which must pass axe. Every response carries Cache-Control: no-store.
// A route missing from ACCESS fails the spec, so new pages must be classified here.

type Role = 'ADMIN' | 'EDITOR' | 'SPONSOR' | 'CONTRIBUTOR';
const ROLES: Role[] = ['ADMIN', 'EDITOR', 'SPONSOR', 'CONTRIBUTOR'];
const ALL = ROLES;
const ADMIN: Role[] = ['ADMIN'];
const EDITORS: Role[] = ['ADMIN', 'EDITOR'];
const READERS: Role[] = ['ADMIN', 'EDITOR', 'SPONSOR']; // roles that may read drafts

/**
 * Who may open each route (from lib/auth/permissions.ts and each page's check).
 * Dynamic segments are filled with records the spec creates; a CONTRIBUTOR's
 * contribution routes use another contributor's submission, so they are denied.
 */
const ACCESS: Record<string, Role[]> = {
  '/admin': ALL,
  '/admin/audit': EDITORS,
  '/admin/issues': READERS,
  '/admin/issues/new': EDITORS,
  '/admin/issues/import': EDITORS, // issue:create, section:create, event:create
  '/admin/issues/[id]': READERS,
  '/admin/issues/[id]/preview': READERS,
  '/admin/issues/[id]/email': EDITORS, // edition:send
  '/admin/issues/[id]/approval': ['ADMIN', 'SPONSOR'], // intro:approve
  '/admin/issues/[id]/sections/[sectionId]': READERS, // sponsors read, but cannot edit, an article
  '/admin/issues/[id]/sections/[sectionId]/revisions': READERS,
  '/admin/issues/[id]/sections/[sectionId]/delete': EDITORS,
  '/admin/media': READERS,
  '/admin/notifications': ALL, // each user's own notifications
  '/admin/people': ALL,
  '/admin/people/new': EDITORS,
  '/admin/people/[id]': ALL,
  '/admin/organisations': ALL,
  '/admin/organisations/new': ADMIN,
  '/admin/organisations/[id]': ALL,
  '/admin/users': ADMIN,
  '/admin/users/new': ADMIN,
  '/admin/users/[id]': ADMIN,
  '/admin/events': READERS,
  '/admin/events/new': EDITORS,
  '/admin/events/[id]': READERS,
  '/admin/events/[id]/delete': EDITORS,
  '/admin/contributions': ['ADMIN', 'EDITOR', 'CONTRIBUTOR'],
  '/admin/contributions/new': ['ADMIN', 'CONTRIBUTOR'],
  '/admin/contributions/[id]': EDITORS,
  '/admin/site-pages': EDITORS, // site-page:update
  '/admin/site-pages/[slug]': EDITORS,
  '/admin/subscribers': EDITORS, // subscriber:read
  '/admin/subscribers/[id]': EDITORS,
  '/admin/subscribers/import': EDITORS, // subscriber:import
  '/admin/subscribers/import/[id]': EDITORS,
};

/** Route patterns of every admin page on disk, e.g. /admin/issues/[id]. */
function discoverRoutes(): string[] {
  const root = path.join(process.cwd(), 'app/(admin)');
  const routes: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(x)" and parallel slots "@x" do not appear in the URL.
        const s = entry.name;
        walk(path.join(dir, s), s.startsWith('(') || s.startsWith('@') ? segments : [...segments, s]);
      } else if (entry.name === 'page.tsx' || entry.name === 'page.ts') {
        routes.push(`/${segments.join('/')}`);
      }
    }
  };
  walk(root, []);
  return routes.sort();
}

const ROUTES = discoverRoutes();

type Records = {
  tag: string;
  ids: Record<string, string>;
  /** Text that only the record's own page shows; never on a denied page. */
  secrets: Record<string, string>;
  cleanup: () => Promise<void>;
};

type Fixtures = {
  sql: (text: string, params?: unknown[]) => Promise<unknown[]>;
  user: (role: Role) => Promise<{ id: string; email: string; password: string }>;
};

const docJson = (text: string) =>
  JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** One of each kind of record a dynamic segment can point at, all unpublished. */
async function createRecords(fixtures: Fixtures): Promise<Records> {
  const tag = randomUUID().slice(0, 8);
  const one = async (text: string, params: unknown[]) => ((await fixtures.sql(text, params))[0] as { id: string }).id;
  const secrets = {
    issue: `Route-spec draft issue ${tag}`,
    section: `Route-spec secret section ${tag}`,
    sectionText: `Route-spec draft text ${tag}`,
    organisation: `Route-spec organisation ${tag}`,
    person: `Route-spec person ${tag}`,
    media: `Route-spec image ${tag}`,
    event: `Route-spec draft event ${tag}`,
    contribution: `Route-spec contribution ${tag}`,
    subscriber: `route-spec-reader-${tag}@example.org`,
    subscriberImport: `Route-spec subscribers ${tag}.csv`,
    user: '',
  };
  const issue = await one(
    `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-03-01', 'DRAFT', now()) RETURNING id`,
    [`route-spec-${tag}`, secrets.issue],
  );
  const section = await one(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, 0, 'ARTICLE', $2, $3, now()) RETURNING id`,
    [issue, secrets.section, docJson(secrets.sectionText)],
  );
  const organisation = await one(
    `INSERT INTO "Organisation" (slug, name, kind, "updatedAt") VALUES ($1, $2, 'PARTNER', now()) RETURNING id`,
    [`route-spec-${tag}`, secrets.organisation],
  );
  const person = await one(
    `INSERT INTO "Person" (slug, name, "organisationId", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
    [`route-spec-${tag}`, secrets.person, organisation],
  );
  const media = await one(
    `INSERT INTO "Media" ("fileName", "mimeType", width, height, bytes, alt) VALUES ($1, 'image/png', 10, 10, 100, $2) RETURNING id`,
    [`${randomBytes(32).toString('hex')}.png`, secrets.media],
  );
  const event = await one(
    `INSERT INTO "Event" (slug, title, description, mode, platform, "updatedAt") VALUES ($1, $2, $3, 'ONLINE', 'Teams', now()) RETURNING id`,
    [`route-spec-${tag}`, secrets.event, docJson('Draft event description.')],
  );
  const author = await fixtures.user('CONTRIBUTOR');
  const contribution = await one(
    `INSERT INTO "Contribution" (kind, title, body, "organisationId", "submittedById", "updatedAt") VALUES ('ARTICLE', $1, $2, $3, $4, now()) RETURNING id`,
    [secrets.contribution, docJson('Submitted text.'), organisation, author.id],
  );
  const subscriber = await one(`INSERT INTO "Subscriber" (email, "updatedAt") VALUES ($1, now()) RETURNING id`, [secrets.subscriber]);
  const subscriberImport = await one(
    `INSERT INTO "SubscriberImport" ("fileName", "rowCount", accepted, rejected) VALUES ($1, 1, $2::jsonb, '[]') RETURNING id`,
    [secrets.subscriberImport, JSON.stringify([{ line: 2, email: secrets.subscriber, newIssues: true, eventsDigest: 'NONE' }])],
  );
  const target = await fixtures.user('EDITOR');
  secrets.user = target.email;
  return {
    tag,
    ids: {
      issues: issue,
      sections: section,
      organisations: organisation,
      people: person,
      media,
      events: event,
      contributions: contribution,
      users: target.id,
      subscribers: subscriber,
      // /admin/subscribers/import/[id]
      import: subscriberImport,
      // A fixed page the migration writes; its text is public, so not a secret.
      'site-pages': 'accessibility',
    },
    secrets,
    cleanup: async () => {
      await fixtures.sql(`DELETE FROM "SubscriberImport" WHERE id = $1`, [subscriberImport]);
      await fixtures.sql(`DELETE FROM "Subscriber" WHERE id = $1`, [subscriber]);
      await fixtures.sql(`DELETE FROM "Contribution" WHERE id = $1`, [contribution]);
      await fixtures.sql(`DELETE FROM "Event" WHERE id = $1`, [event]);
      await fixtures.sql(`DELETE FROM "Media" WHERE id = $1`, [media]);
      await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issue]);
      await fixtures.sql(`DELETE FROM "Person" WHERE id = $1`, [person]);
      await fixtures.sql(`DELETE FROM "Organisation" WHERE id = $1`, [organisation]);
    },
  };
}

const SECRET_FOR: Record<string, keyof Records['secrets']> = {
  issues: 'issue',
  sections: 'section',
  organisations: 'organisation',
  people: 'person',
  media: 'media',
  events: 'event',
  contributions: 'contribution',
  users: 'user',
  subscribers: 'subscriber',
  import: 'subscriberImport',
};

/** A concrete URL for a pattern; `filled` is false if some segment had to be a random UUID. */
function urlFor(pattern: string, records: Records): { url: string; filled: boolean; shows: string | null } {
  const parts = pattern.split('/');
  let filled = true;
  let shows: string | null = null;
  const url = parts
    .map((part, i) => {
      if (!/^\[.+\]$/.test(part)) return part;
      const parent = parts[i - 1] ?? '';
      const id = records.ids[parent];
      if (!id) {
        filled = false;
        return randomUUID();
      }
      shows = records.secrets[SECRET_FOR[parent]!] ?? null;
      return id;
    })
    .join('/');
  return { url, filled, shows };
}

const DENIED = /You do not have permission|Page not found/i;

/**
 * The text of the page as sent, without its scripts: what the browser shows, including a
 * streamed part that arrives after <main> (a notFound() inside a loading boundary), not
 * the data in the scripts.
 */
function visibleText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return body.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'");
}

/** Which records' draft data each role may see anywhere in the admin (the rest must never appear). */
const VISIBLE: Record<Role, (keyof Records['secrets'])[]> = {
  ADMIN: ['issue', 'section', 'sectionText', 'organisation', 'person', 'media', 'event', 'contribution', 'user', 'subscriber', 'subscriberImport'],
  EDITOR: ['issue', 'section', 'sectionText', 'organisation', 'person', 'media', 'event', 'contribution', 'subscriber', 'subscriberImport'],
  SPONSOR: ['issue', 'section', 'sectionText', 'organisation', 'person', 'media', 'event'],
  // Another contributor's submission included: contributors see only their own.
  CONTRIBUTOR: ['organisation', 'person'],
};

/**
 * Route-specific additions to VISIBLE. None: the audit log shows email addresses
 * only to those who may read users (lib/data/audit.ts), like every other page.
 */
const ALSO_VISIBLE: Record<string, (keyof Records['secrets'])[]> = {};

/**
 * The accessibility checks of a permitted page, made once per route and role (other
 * specs check the states a journey reaches, such as a form with errors): axe, one h1,
 * and headings in the main content that never skip a level.
 */
async function checkAccessible(
  page: Page,
  makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> },
  where: string,
) {
  const results = await makeAxe().analyze();
  expect
    .soft(
      results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
      `axe on ${where}`,
    )
    .toEqual([]);
  const levels = await page
    .locator('#main')
    .locator('h1, h2, h3, h4')
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => Number(el.tagName[1])));
  expect.soft(levels.filter((l) => l === 1), `one h1 in the main content of ${where}`).toHaveLength(1);
  const skips = levels.flatMap((level, i) => (i > 0 && level - levels[i - 1]! > 1 ? [`h${levels[i - 1]} → h${level}`] : []));
  expect.soft(skips, `heading levels skipped on ${where}`).toEqual([]);
}

type Member = { id: string; email: string; password: string };

// The records and each role's user are made once per worker and removed when it
// stops: the tests only read them, so one set serves every route group and role.
const routesTest = test.extend<object, { records: Records; member: (role: Role) => Promise<Member> }>({
  records: [
    async ({ workerFixtures }, use) => {
      const records = await createRecords(workerFixtures);
      try {
        await use(records);
      } finally {
        await records.cleanup();
      }
    },
    { scope: 'worker' },
  ],
  member: [
    async ({ workerFixtures }, use) => {
      const made = new Map<Role, Promise<Member>>();
      await use((role) => {
        if (!made.has(role)) made.set(role, workerFixtures.user(role));
        return made.get(role)!;
      });
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'parallel' });

test('every admin page on disk is classified in ACCESS', () => {
  expect(ROUTES.length).toBeGreaterThanOrEqual(17);
  const unclassified = ROUTES.filter((r) => !ACCESS[r]);
  expect(unclassified, 'add these routes to ACCESS with the roles that may open them').toEqual([]);
  test.info().annotations.push({ type: 'routes covered', description: ROUTES.join(', ') });
  const stale = Object.keys(ACCESS).filter((r) => !ROUTES.includes(r));
  if (stale.length)
    test.info().annotations.push({ type: 'classified but not on disk (yet)', description: stale.join(', ') });
});

async function fetchAnonymously(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { response, body: await response.text() };
}

routesTest('anonymous visitors are sent to sign in from every admin page and see none of it', async ({
  request,
  records,
}) => {
  const lostDestination: string[] = [];
  for (const pattern of ROUTES) {
    const { url } = urlFor(pattern, records);
    const { response, body } = await fetchAnonymously(request, url);
    // A streamed response redirects in the document instead of with a status.
    const target =
      response.status() >= 300 && response.status() < 400 ? (response.headers()['location'] ?? '') : body;
    const callback = /\/sign-in\?callbackUrl=(%2Fadmin[^"&\s;]*)/.exec(target);
    expect(callback, `${url} redirects to sign in with a callbackUrl back into the admin`).not.toBeNull();
    if (decodeURIComponent(callback![1]!) !== url)
      lostDestination.push(`${url} → ${decodeURIComponent(callback![1]!)}`);
    expect(response.headers()['cache-control'], url).toContain('no-store');
    for (const secret of Object.values(records.secrets)) if (secret) expect(body, url).not.toContain(secret);
    expect(body, url).not.toContain(records.secrets.sectionText);
  }
  // Signing in leads back to the page asked for, whichever check (layout or page) redirects.
  expect(lostDestination, 'callbackUrl is the requested page').toEqual([]);
});

// Several routes per test keeps sign-ins few; several tests per role keep each within its time.
const GROUP = 8;
const GROUPS = Array.from({ length: Math.ceil(ROUTES.length / GROUP) }, (_, i) =>
  ROUTES.slice(i * GROUP, (i + 1) * GROUP),
);

for (const role of ROLES) {
  for (const routes of GROUPS) {
    routesTest(`${role.toLowerCase()}: ${routes[0]} … ${routes.at(-1)} load and pass axe if permitted, otherwise show no data`, async ({
      page,
      records,
      member,
      makeAxe,
    }) => {
      test.setTimeout(120_000);
      const me = await member(role);
      await signInAs(page, me);
      for (const pattern of routes) {
        const allowed = ACCESS[pattern];
        if (!allowed) continue; // reported by the classification test
        const { url, filled, shows } = urlFor(pattern, records);
        if (!allowed.includes(role)) {
          // Denied: the server's answer is checked as sent (the same cookies as the page), the
          // whole HTML, scripts and all, so no browser need render a page that only says no.
          const response = await page.request.get(url, { maxRedirects: 0 });
          const html = await response.text();
          expect(response.headers()['cache-control'], `${role} ${url}`).toContain('no-store');
          for (const secret of Object.values(records.secrets)) {
            if (secret) expect(html, `${role} ${url} leaks “${secret}”`).not.toContain(secret);
          }
          // Next sends a notFound() page's text only in its script (decision 025), so that
          // answer is read where it is shown: in the browser.
          if (!DENIED.test(visibleText(html))) {
            await page.goto(url);
            expect(await page.locator('main').innerText(), `${role} ${url} is denied`).toMatch(DENIED);
          }
          continue;
        }
        const response = await page.goto(url);
        expect(response, url).not.toBeNull();
        expect(response!.headers()['cache-control'], `${role} ${url}`).toContain('no-store');
        const main = page.locator('main');
        const text = await main.innerText();
        const html = await page.content();
        for (const [kind, secret] of Object.entries(records.secrets)) {
          const k = kind as keyof Records['secrets'];
          if (secret && !VISIBLE[role].includes(k) && !ALSO_VISIBLE[pattern]?.includes(k))
            expect(html, `${role} ${url} shows the ${kind} “${secret}”`).not.toContain(secret);
        }
        if (filled) {
          expect(response!.status(), `${role} ${url}`).toBe(200);
          expect(text, `${role} ${url} is permitted`).not.toMatch(DENIED);
          if (shows) expect(text, `${role} ${url} shows its record`).toContain(shows);
        } else {
          // The spec cannot make this kind of record yet: the page must say "not found".
          expect(text, `${role} ${url}`).toMatch(/Page not found/);
        }
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await checkAccessible(page, makeAxe, `${role} ${url}`);
      }
    });
  }
}
