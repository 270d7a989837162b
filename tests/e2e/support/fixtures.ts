import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { E2E_DATABASE_URL_FILE } from './paths';

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
    return { issueSlug, events: created };
  }

  async cleanup() {
    if (this.userIds.length) await this.client.query(`DELETE FROM "User" WHERE id = ANY($1::uuid[])`, [this.userIds]);
    if (this.issueIds.length) await this.client.query(`DELETE FROM "Issue" WHERE id = ANY($1::uuid[])`, [this.issueIds]);
    if (this.eventIds.length) await this.client.query(`DELETE FROM "Event" WHERE id = ANY($1::uuid[])`, [this.eventIds]);
  }
}

export const test = base.extend<{ fixtures: Fixtures; makeAxe: () => AxeBuilder }>({
  fixtures: async ({}, use) => {
    const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
    await client.connect();
    const fixtures = new Fixtures(client);
    try {
      await use(fixtures);
    } finally {
      await fixtures.cleanup();
      await client.end();
    }
  },
  // WCAG 2.0–2.2 A and AA rules.
  makeAxe: async ({ page }, use) => {
    await use(() => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']));
  },
});

export { expect } from '@playwright/test';

/** Signs in through the real form. */
export async function signIn(page: import('@playwright/test').Page, email: string, password: string) {
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
