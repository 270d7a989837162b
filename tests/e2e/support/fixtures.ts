import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hash } from '@node-rs/argon2';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { E2E_BASE_URL, E2E_DATABASE_URL_FILE, E2E_NEXTAUTH_SECRET } from './paths';

// How a spec uses this file:
//   import { DEMO, expect, signInAs, test } from './support/fixtures';
//   test('…', async ({ page, fixtures, makeAxe }) => {
//     const editor = await fixtures.user('EDITOR');   // own user, removed afterwards
//     await signInAs(page, editor);                    // or signInAs(page, DEMO.sponsor)
//     await page.goto('/admin');
//     expect((await makeAxe().analyze()).violations).toEqual([]);
//   });
// signInAs writes the session cookie the server would set after a sign-in; only
// tests/e2e/auth.spec.ts goes through the sign-in form (signInThroughForm).

export type FixtureEvent = {
  title: string;
  mode: 'ONLINE' | 'IN_PERSON' | 'HYBRID';
  daysAhead: number;
  sessions?: number;
  isFree?: boolean;
  cost?: string;
  platform?: string;
  venueName?: string;
  topicSlug?: string;
  registrationUrl?: string;
};

type Created = { issueSlug: string; events: { slug: string; title: string }[] };

const doc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * Test data written straight into the e2e server's throwaway database and
 * removed afterwards. Fixture issues are dated January 2001 so they never
 * become the "latest issue" other specs look at.
 */
class Fixtures {
  private issueIds: string[] = [];
  private eventIds: string[] = [];
  private userIds: string[] = [];
  constructor(private readonly client: pg.Client) {}

  /**
   * A user of its own, so tests that sign out or deactivate never touch shared demo accounts.
   * `organisationSlug` links the user to an existing organisation (a contributor's byline).
   */
  async user(role: 'ADMIN' | 'EDITOR' | 'SPONSOR' | 'CONTRIBUTOR', opts: { organisationSlug?: string } = {}) {
    const email = `e2e-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`;
    const password = `fixture-password-${randomUUID()}`;
    const passwordHash = await hash(password, { algorithm: 2 });
    const { rows: [row] } = await this.client.query<{ id: string }>(
      `INSERT INTO "User" (email, name, role, "passwordHash", "organisationId", "updatedAt")
       VALUES ($1, $2, $3::"Role", $4, (SELECT id FROM "Organisation" WHERE slug = $5), now()) RETURNING id`,
      [email, `Fixture ${role.toLowerCase()}`, role, passwordHash, opts.organisationSlug ?? null],
    );
    this.userIds.push(row!.id);
    return { id: row!.id, email, password };
  }

  async sql(text: string, params: unknown[] = []) {
    return (await this.client.query(text, params)).rows;
  }

  async publishedIssueWithEvents(events: FixtureEvent[], opts: { status?: string } = {}): Promise<Created> {
    const id = randomUUID().slice(0, 8);
    const issueSlug = `e2e-fixture-${id}`;
    const { rows: [issue] } = await this.client.query<{ id: string }>(
      `INSERT INTO "Issue" (slug, title, month, status, summary, "publishedAt", "updatedAt")
       VALUES ($1, $2, '2001-01-01', $3::"IssueStatus", 'Fixture issue for end-to-end tests.', now(), now()) RETURNING id`,
      [issueSlug, `E2E fixture issue ${id}`, opts.status ?? 'PUBLISHED'],
    );
    this.issueIds.push(issue!.id);
    const { rows: [section] } = await this.client.query<{ id: string }>(
      `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt")
       VALUES ($1, 0, 'EVENT_LIST', 'Fixture events', $2, now()) RETURNING id`,
      [issue!.id, doc('Events created by an end-to-end test.')],
    );
    const created: Created['events'] = [];
    for (const [i, e] of events.entries()) {
      const slug = `e2e-${id}-${i}`;
      const { rows: [event] } = await this.client.query<{ id: string }>(
        `INSERT INTO "Event" (slug, title, description, "isFree", cost, mode, platform, "venueName", "registrationUrl",
           "registrationDeadline", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6::"EventMode", $7, $8, $9, (now() + make_interval(days => $10))::date, now()) RETURNING id`,
        [slug, e.title, doc(`About ${e.title}.`), e.isFree ?? true, e.cost ?? null, e.mode, e.platform ?? null,
          e.venueName ?? null, e.registrationUrl ?? null, Math.max(1, e.daysAhead - 3)],
      );
      this.eventIds.push(event!.id);
      for (let s = 0; s < (e.sessions ?? 1); s++) {
        await this.client.query(
          `INSERT INTO "EventSession" ("eventId", "startsAt", "endsAt")
           VALUES ($1, date_trunc('day', now()) + make_interval(days => $2, hours => 10),
                       date_trunc('day', now()) + make_interval(days => $2, hours => 12))`,
          [event!.id, e.daysAhead + 7 * s],
        );
      }
      if (e.topicSlug) {
        await this.client.query(
          `INSERT INTO "EventTopic" ("eventId", "topicId") SELECT $1, id FROM "Topic" WHERE slug = $2`,
          [event!.id, e.topicSlug],
        );
      }
      await this.client.query(`INSERT INTO "SectionEvent" ("sectionId", "eventId", position) VALUES ($1, $2, $3)`, [
        section!.id,
        event!.id,
        i,
      ]);
      created.push({ slug, title: e.title });
    }
    if ((opts.status ?? 'PUBLISHED') === 'PUBLISHED') await this.snapshot(issue!.id);
    return { issueSlug, events: created };
  }

  /**
   * Readers see the current publication snapshot (decision 017): written here as the
   * publish step writes it (the same copy as the snapshot migration's backfill).
   */
  async snapshot(issueId: string) {
    // A republish: the previous publication stays as history, no longer current.
    await this.client.query(`UPDATE "IssuePublication" SET current = false WHERE "issueId" = $1 AND current`, [issueId]);
    const { rows: [publication] } = await this.client.query<{ id: string }>(
      `INSERT INTO "IssuePublication" ("issueId", revision, current, title, summary, "publishedAt")
       SELECT id, (SELECT coalesce(max(revision), 0) + 1 FROM "IssuePublication" WHERE "issueId" = $1), true, title, summary, coalesce("publishedAt", now())
       FROM "Issue" WHERE id = $1 RETURNING id`,
      [issueId],
    );
    await this.client.query(
      `INSERT INTO "PublishedSection" ("publicationId", "sectionId", position, kind, title, body, "bylineOrganisationId", "signOff", "signatoryId")
       SELECT $1, id, position, kind, title, body, "bylineOrganisationId", "signOff", "signatoryId" FROM "Section" WHERE "issueId" = $2`,
      [publication!.id, issueId],
    );
    await this.client.query(
      `INSERT INTO "PublishedSectionEvent" ("publishedSectionId", "eventId", position)
       SELECT ps.id, se."eventId", se.position FROM "PublishedSection" ps JOIN "SectionEvent" se ON se."sectionId" = ps."sectionId"
       WHERE ps."publicationId" = $1`,
      [publication!.id],
    );
    await this.client.query(
      `INSERT INTO "PublishedSectionByline" ("publishedSectionId", "personId", position)
       SELECT ps.id, b."personId", b.position FROM "PublishedSection" ps JOIN "SectionByline" b ON b."sectionId" = ps."sectionId"
       WHERE ps."publicationId" = $1`,
      [publication!.id],
    );
    await this.refreshPublicPages([issueId]);
  }

  /**
   * Public data written here bypasses the actions, so ask the server to re-store the
   * public pages it touches (decision 025), as the job worker does: the internal
   * revalidation route, with its token (lib/workflow/revalidate.ts), answers once they are.
   */
  async refreshPublicPages(issueIds: string[]) {
    const { rows } = await this.client.query<{ slug: string }>(`SELECT slug FROM "Issue" WHERE id = ANY($1::uuid[])`, [issueIds]);
    if (!rows.length) return;
    const token = createHmac('sha256', E2E_NEXTAUTH_SECRET).update('regional-update:internal-revalidate:v1').digest('base64url');
    const res = await fetch(`${E2E_BASE_URL}/api/internal/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issueSlugs: rows.map((r) => r.slug) }),
    });
    if (res.status !== 204) throw new Error(`Could not refresh the public pages: ${res.status}`);
  }

  /**
   * A draft issue of its own, shaped like the template (an intro "From our sponsor",
   * then an event list), dated December 2002 so that even once published it never
   * becomes the site's latest issue; removed afterwards with everything in it.
   */
  async draftIssue(): Promise<{ id: string; slug: string; title: string; introId: string }> {
    const tag = randomUUID().slice(0, 8);
    const slug = `e2e-draft-${tag}`;
    const title = `E2E draft issue ${tag}`;
    const { rows: [issue] } = await this.client.query<{ id: string }>(
      `INSERT INTO "Issue" (slug, title, month, status, summary, "updatedAt")
       VALUES ($1, $2, '2002-12-01', 'DRAFT', 'Draft issue for end-to-end tests.', now()) RETURNING id`,
      [slug, title],
    );
    this.issueIds.push(issue!.id);
    const { rows: sections } = await this.client.query<{ id: string; kind: string }>(
      `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt")
       VALUES ($1, 0, 'INTRO', 'From our sponsor', '{"type":"doc","content":[]}', now()), ($1, 1, 'EVENT_LIST', 'Upcoming Conferences and Events', '{"type":"doc","content":[]}', now())
       RETURNING id, kind`,
      [issue!.id],
    );
    return { id: issue!.id, slug, title, introId: sections.find((r) => r.kind === 'INTRO')!.id };
  }

  async cleanup() {
    if (this.userIds.length) await this.client.query(`DELETE FROM "User" WHERE id = ANY($1::uuid[])`, [this.userIds]);
    // Unpublished first, so the stored pages drop them, then deleted.
    const published = this.issueIds.length
      ? (await this.client.query<{ id: string }>(`UPDATE "Issue" SET status = 'DRAFT' WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED' RETURNING id`, [this.issueIds])).rows
      : [];
    if (published.length) await this.refreshPublicPages(published.map((r) => r.id));
    if (this.issueIds.length) await this.client.query(`DELETE FROM "Issue" WHERE id = ANY($1::uuid[])`, [this.issueIds]);
    if (this.eventIds.length) await this.client.query(`DELETE FROM "Event" WHERE id = ANY($1::uuid[])`, [this.eventIds]);
  }
}

async function withFixtures(use: (fixtures: Fixtures) => Promise<void>) {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  const fixtures = new Fixtures(client);
  try {
    await use(fixtures);
  } finally {
    await fixtures.cleanup();
    await client.end();
  }
}

export const test = base.extend<{ fixtures: Fixtures; makeAxe: () => AxeBuilder }, { workerFixtures: Fixtures }>({
  fixtures: async ({}, use) => withFixtures(use),
  // The same, made once per worker and removed when it stops: for data that many tests
  // only read (tests/e2e/admin-routes.spec.ts), so each test need not make its own.
  workerFixtures: [async ({}, use) => withFixtures(use), { scope: 'worker' }],
  makeAxe: async ({ page }, use) => {
    await use(() => axeFor(page));
  },
});

export { expect } from '@playwright/test';

/**
 * axe with the WCAG 2.0–2.2 A and AA rules, for one page. Legacy mode runs axe.run in
 * the page itself: the default mode finishes each run in a new blank page, which cost
 * two to three times as long for the same results (no page here has a frame, where
 * the two modes differ).
 */
export function axeFor(page: Page): AxeBuilder {
  const builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    // Every rule still runs on every node; only the violations are written up, which
    // spares axe describing each node that passed (the specs read nothing else).
    .options({ resultTypes: ['violations'] });
  const analyze = builder.analyze.bind(builder);
  // After a server action the router's refresh renders <head> again, and for a moment
  // the page has no <title> (comments.spec.ts caught axe in that moment). Let it
  // settle first; a page that never gets a title is still reported by axe.
  builder.analyze = async () => {
    await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 20_000 }).catch(() => {});
    return analyze();
  };
  return builder;
}

/**
 * Waits until an admin page's client components have hydrated (components/admin/hydrated-marker.tsx),
 * for controls that only work from JavaScript, such as "Add another session".
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

let pool: pg.Pool | undefined;
const db = () =>
  (pool ??= new pg.Pool({
    connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim(),
    max: 2,
    idleTimeoutMillis: 1_000,
    allowExitOnIdle: true,
  }));

/** The cookie next-auth sets over plain http (NEXTAUTH_URL is http://127.0.0.1 in e2e). */
export const SESSION_COOKIE = 'next-auth.session-token';

/**
 * Signs a page (or a whole browser context) in as a user, without the form: it
 * writes the session cookie next-auth would set after a successful sign-in,
 * encrypted with the e2e server's secret, holding the user's id and current
 * session version (lib/auth/options.ts, lib/auth/session.ts). The server checks
 * it exactly as it checks a real one, so signing out, deactivation and a session
 * version change still end it. Takes any user with an email: a fixture user or a
 * DEMO account. Does not navigate.
 */
export async function signInAs(target: Page | BrowserContext, who: { email: string }): Promise<void> {
  const { rows } = await db().query<{ id: string; email: string; name: string; sessionVersion: number }>(
    `SELECT id, email, name, "sessionVersion" FROM "User" WHERE email = $1`,
    [who.email.trim().toLowerCase()],
  );
  const user = rows[0];
  if (!user) throw new Error(`signInAs: no user ${who.email}`);
  const value = await encode({
    secret: E2E_NEXTAUTH_SECRET,
    maxAge: 8 * 60 * 60,
    token: { name: user.name, email: user.email, sub: user.id, uid: user.id, sv: user.sessionVersion },
  });
  const context = 'context' in target ? target.context() : target;
  await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E_BASE_URL, httpOnly: true, sameSite: 'Lax' }]);
}

/**
 * Signs in with a password through next-auth's credentials endpoint (what the
 * form posts), sharing cookies with the page. For tests whose point is that a
 * password works (a user an admin just created); the form itself is tested in
 * tests/e2e/auth.spec.ts.
 */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true', callbackUrl: '/admin' },
  });
  if (!response.ok()) throw new Error(`signInWithPassword: ${response.status()} ${await response.text()}`);
  const cookies = await page.context().cookies(E2E_BASE_URL);
  if (!cookies.some((c) => c.name === SESSION_COOKIE)) throw new Error(`signInWithPassword: ${email} was not signed in`);
}

/** Signs in through the real form (only the sign-in form's own tests need this). */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin/);
}

export const DEMO = {
  admin: { email: 'admin@example.org', password: 'admin-demo-password' },
  editor: { email: 'editor@example.org', password: 'editor-demo-password' },
  sponsor: { email: 'sponsor@example.org', password: 'sponsor-demo-password' },
  contributor: { email: 'contributor@example.org', password: 'contributor-demo-password' },
} as const;
