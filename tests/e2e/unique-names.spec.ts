import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signInAs, test, waitForHydration } from './support/fixtures';

// No page may have two form controls with the same accessible name (WCAG 2.4.6
// Headings and Labels, 2.5.3 Label in Name): a screen-reader user listing form
// fields, or a voice-control user saying "click Title", must be able to tell
// them apart. Every kind of admin page is opened by an admin (who sees every
// form) and the contributor's own forms by a contributor; the public pages too.
// Names come from the browser's accessibility tree, as assistive technology reads them.

const CONTROL_ROLES = ['textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton', 'slider', 'switch'];
const CONTROL_LINE = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})(?: "((?:[^"\\\\]|\\\\.)*)")?`);

/** "role “name”" for every form control on the page that shares its name with another. */
async function duplicateNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const seen = new Map<string, number>();
  for (const line of snapshot.split('\n')) {
    const m = CONTROL_LINE.exec(line);
    if (!m) continue;
    const name = (m[2] ?? '').replace(/\\(.)/g, '$1').trim().toLowerCase();
    seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([name, n]) => `${n} controls named “${name}”`);
}

/** Pages whose forms grow: a second session doubles every session field. */
const ADD_SESSION = /\/admin\/(events\/new|contributions\/new\?kind=EVENT)/;

async function check(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  // Client components (the rich-text editor) render their controls after hydration.
  if (new URL(page.url()).pathname.startsWith('/admin')) await waitForHydration(page);
  await expect(page.getByText('Loading the editor…')).toHaveCount(0);
  if (ADD_SESSION.test(url)) {
    await page.getByRole('button', { name: 'Add another session' }).click();
    await expect(page.getByRole('group', { name: /session 2/i }).first()).toBeVisible();
  }
  expect.soft(await duplicateNames(page), `form controls with the same accessible name on ${url}`).toEqual([]);
}

const docJson = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('no admin page has two form controls with the same accessible name', async ({ page, browser, fixtures }) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  const one = async (text: string, params: unknown[]) => ((await fixtures.sql(text, params))[0] as { id: string }).id;
  const issue = await one(
    `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-04-01', 'IN_REVIEW', now()) RETURNING id`,
    [`unique-names-${tag}`, `Unique names ${tag}`],
  );
  const section = (position: number, kind: string, title: string) =>
    one(`INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, $2, $3::"SectionKind", $4, $5, now()) RETURNING id`, [
      issue, position, kind, title, docJson(`${title} text.`),
    ]);
  const intro = await section(0, 'INTRO', 'From our sponsor');
  const article = await section(1, 'ARTICLE', 'Partner news');
  const events = await section(2, 'EVENT_LIST', 'Upcoming events');
  const organisation = await one(`INSERT INTO "Organisation" (slug, name, kind, "updatedAt") VALUES ($1, $2, 'PARTNER', now()) RETURNING id`, [
    `unique-names-${tag}`, `Unique names organisation ${tag}`,
  ]);
  const person = await one(`INSERT INTO "Person" (slug, name, "organisationId", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`, [
    `unique-names-${tag}`, `Unique Names Person ${tag}`, organisation,
  ]);
  // Two images, so the library lists two alt-text forms.
  const image = (alt: string) =>
    one(`INSERT INTO "Media" ("fileName", "mimeType", width, height, bytes, alt) VALUES ($1, 'image/png', 10, 10, 100, $2) RETURNING id`, [
      `${randomBytes(32).toString('hex')}.png`, alt,
    ]);
  const media = [await image(`Unique names image ${tag}`), await image(`Unique names second image ${tag}`)];
  const event = await one(
    `INSERT INTO "Event" (slug, title, description, mode, platform, "updatedAt") VALUES ($1, $2, $3, 'ONLINE', 'Teams', now()) RETURNING id`,
    [`unique-names-${tag}`, `Unique names event ${tag}`, docJson('An event.')],
  );
  await fixtures.sql(`INSERT INTO "EventSession" ("eventId", "startsAt", "endsAt") VALUES ($1, now() + interval '30 days', now() + interval '30 days 2 hours')`, [event]);
  await fixtures.sql(`INSERT INTO "SectionEvent" ("sectionId", "eventId", position) VALUES ($1, $2, 0)`, [events, event]);
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: `unique-names-${tag}` });
  const articleContribution = await one(
    `INSERT INTO "Contribution" (kind, title, body, "organisationId", "submittedById", "updatedAt") VALUES ('ARTICLE', $1, $2, $3, $4, now()) RETURNING id`,
    [`Unique names article ${tag}`, docJson('Submitted text.'), organisation, contributor.id],
  );
  const admin = await fixtures.user('ADMIN');
  const editorUser = await fixtures.user('EDITOR');
  try {
    await signInAs(page, admin);
    const urls = [
      '/admin',
      '/admin/audit',
      '/admin/issues',
      '/admin/issues/new',
      `/admin/issues/${issue}`,
      `/admin/issues/${issue}/preview`,
      `/admin/issues/${issue}/approval`,
      `/admin/issues/${issue}/sections/${intro}`,
      `/admin/issues/${issue}/sections/${article}`,
      `/admin/issues/${issue}/sections/${events}`,
      `/admin/issues/${issue}/sections/${article}/revisions`,
      `/admin/issues/${issue}/sections/${article}/delete`,
      '/admin/media',
      '/admin/notifications',
      '/admin/people',
      '/admin/people/new',
      `/admin/people/${person}`,
      '/admin/organisations',
      '/admin/organisations/new',
      `/admin/organisations/${organisation}`,
      '/admin/users',
      '/admin/users/new',
      `/admin/users/${editorUser.id}`,
      '/admin/events',
      '/admin/events/new',
      `/admin/events/${event}`,
      `/admin/events/${event}/delete`,
      '/admin/contributions',
      `/admin/contributions/${articleContribution}`,
    ];
    for (const url of urls) await check(page, url);

    // The contributor's own forms: new article, new event, editing a submission.
    const context = await browser.newContext();
    const own = await context.newPage();
    await signInAs(own, contributor);
    for (const url of ['/admin', '/admin/contributions', '/admin/contributions/new?kind=ARTICLE', '/admin/contributions/new?kind=EVENT', `/admin/contributions/${articleContribution}`]) {
      await check(own, url);
    }
    await context.close();
  } finally {
    await fixtures.sql(`DELETE FROM "Contribution" WHERE id = $1`, [articleContribution]);
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issue]);
    await fixtures.sql(`DELETE FROM "Event" WHERE id = $1`, [event]);
    await fixtures.sql(`DELETE FROM "Media" WHERE id = ANY($1::uuid[])`, [media]);
    await fixtures.sql(`DELETE FROM "Person" WHERE id = $1`, [person]);
    await fixtures.sql(`UPDATE "User" SET "organisationId" = NULL WHERE id = $1`, [contributor.id]);
    await fixtures.sql(`DELETE FROM "Organisation" WHERE id = $1`, [organisation]);
  }
});

test('no public page has two form controls with the same accessible name', async ({ page, fixtures }) => {
  test.setTimeout(120_000);
  const { issueSlug, events } = await fixtures.publishedIssueWithEvents([{ title: `Unique names public event ${randomUUID().slice(0, 6)}`, mode: 'ONLINE', daysAhead: 20, platform: 'Teams' }]);
  for (const url of ['/', '/issues', `/issues/${issueSlug}`, '/events', `/events/${events[0]!.slug}`, '/events/past', '/search?q=adoption', '/subscribe', '/sign-in']) {
    await check(page, url);
  }
});
