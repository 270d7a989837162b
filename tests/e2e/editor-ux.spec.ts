import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// What an editor trips over in the issue and section editors (issue 10): typing
// lost by following a link, a failed autosave, where a new section goes, where
// "Delete" sits, the link popover, the byline's new person, "Insert image".

type Sql = (text: string, params?: unknown[]) => Promise<unknown[]>;
const doc = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A draft issue of its own: intro, article, two event lists. */
async function draftIssue(sql: Sql) {
  const tag = randomUUID().slice(0, 8);
  const one = async (text: string, params: unknown[]) => ((await sql(text, params))[0] as { id: string }).id;
  const title = `E2E editor UX ${tag}`;
  const issue = await one(`INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-05-01', 'DRAFT', now()) RETURNING id`, [
    `e2e-editor-ux-${tag}`, title,
  ]);
  const section = (position: number, kind: string, name: string) =>
    one(`INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, $2, $3::"SectionKind", $4, $5, now()) RETURNING id`, [
      issue, position, kind, name, doc(`${name} opening.`),
    ]);
  const intro = await section(0, 'INTRO', 'From our sponsor');
  const article = await section(1, 'ARTICLE', 'Partner news');
  await section(2, 'EVENT_LIST', 'Upcoming Conferences and Events');
  await section(3, 'EVENT_LIST', 'Key Events');
  return { tag, title, issue, intro, article, cleanup: () => sql(`DELETE FROM "Issue" WHERE id = $1`, [issue]) };
}

const bodyText = async (sql: Sql, id: string) => JSON.stringify(((await sql(`SELECT body FROM "Section" WHERE id = $1`, [id]))[0] as { body: unknown }).body);

async function openSection(page: Page, issue: string, section: string) {
  await page.goto(`/admin/issues/${issue}/sections/${section}`);
  await expect(page.getByRole('button', { name: 'Bold' })).toBeVisible();
}

test('text typed just before clicking “Back to …” is saved, not lost', async ({ page, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const d = await draftIssue(fixtures.sql.bind(fixtures));
  try {
    await signInAs(page, editor);
    await openSection(page, d.issue, d.article);
    await page.getByRole('textbox', { name: 'Text' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed a moment before leaving.');
    // Well inside the 3-second autosave delay.
    await page.getByRole('link', { name: `Back to ${d.title}` }).click();
    await page.waitForURL(`**/admin/issues/${d.issue}`);
    expect(await bodyText(fixtures.sql.bind(fixtures), d.article)).toContain('Typed a moment before leaving.');
    await page.getByRole('link', { name: 'Partner news', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Text' })).toHaveText('Partner news opening. Typed a moment before leaving.');
  } finally {
    await d.cleanup();
  }
});

test('a failed autosave keeps the text, says “Not saved – retrying”, asks before leaving, and saves once the server answers', async ({ page, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const d = await draftIssue(fixtures.sql.bind(fixtures));
  try {
    await signInAs(page, editor);
    await openSection(page, d.issue, d.article);
    const path = `/admin/issues/${d.issue}/sections/${d.article}`;
    // The autosave is a server action: a POST to the page's own address.
    let mode: 'error' | 'offline' | 'through' = 'error';
    await page.route((url) => url.pathname === path, async (route) => {
      if (route.request().method() !== 'POST' || mode === 'through') return route.continue();
      if (mode === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    });
    const status = page.getByRole('status').filter({ hasText: /Saved at|Not saved|Saving|Unsaved/ });
    await page.getByRole('textbox', { name: 'Text' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Written while the server was down.');
    await expect(status).toContainText(/^Not saved – retrying in \d+ seconds\..*Your text is kept here\.$/, { timeout: 30_000 });
    await expect(page.getByRole('textbox', { name: 'Text' })).toContainText('Written while the server was down.');

    // Leaving now would lose the text: the editor tries once more, then asks.
    mode = 'offline';
    // The listener answers the confirm(): it can open before the click has returned,
    // and the click would then wait for it.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('link', { name: `Back to ${d.title}` }).click();
    expect(await asked).toBe('Your latest changes could not be saved. Leave this page and lose them?');
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(status).toContainText('The server could not be reached.');

    mode = 'through';
    await page.getByRole('button', { name: 'Try again now' }).click();
    await expect(status).toHaveText(/^Saved at \d\d:\d\d$/, { timeout: 30_000 });
    expect(await bodyText(fixtures.sql.bind(fixtures), d.article)).toContain('Written while the server was down.');
  } finally {
    await d.cleanup();
  }
});

test('a form with typed, unsaved input asks before a link leaves it; its own Cancel does not', async ({ page, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  await signInAs(page, editor);
  await page.goto('/admin/people/new');
  // The guard listens once the page has hydrated (React has claimed the form).
  await page.waitForFunction(() => Object.keys(document.querySelector('#main form') ?? {}).some((k) => k.startsWith('__react')));
  await page.getByLabel('Full name').fill('Half-typed Person');
  // The guard's confirm() opens inside the click, which cannot finish until the
  // dialog is answered: so the listener answers it.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Issues' }).click();
  expect(await asked).toBe('You have typed into a form without saving it. Leave this page and lose what you typed?');
  await expect(page).toHaveURL(/\/admin\/people\/new$/);
  await expect(page.getByLabel('Full name')).toHaveValue('Half-typed Person');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Issues' }).click();
  await page.waitForURL(/\/admin\/issues$/);
  // The client navigation has rendered its page before a new one is loaded over it.
  await expect(page.getByRole('heading', { level: 1, name: 'Issues' })).toBeVisible();

  // The form's own Cancel link means "throw this away": no question.
  await page.goto('/admin/events/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Add an event' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('An event not wanted after all');
  const messages: string[] = [];
  page.once('dialog', (d) => {
    messages.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Cancel', exact: true }).click();
  await page.waitForURL(/\/admin\/events$/);
  expect(messages).toEqual([]);
});

test('a new section goes where the editor chooses, by default before the event lists, also without JavaScript; Delete sits apart', async ({ page, browser, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const d = await draftIssue(fixtures.sql.bind(fixtures));
  const titles = (p: Page) => p.locator('ol > li h3').allInnerTexts().then((t) => t.map((x) => x.replace(/^\d+\.\s*/, '')));
  try {
    await signInAs(page, editor);
    await page.goto(`/admin/issues/${d.issue}`);
    const add = page.getByRole('region', { name: 'Add a section' });
    await expect(add.getByLabel('Where to add it')).toHaveValue(d.article);
    await add.getByLabel('Title of the new section').fill('Default place');
    await add.getByRole('button', { name: 'Add section' }).click();
    await expect.poll(() => titles(page)).toEqual(['From our sponsor', 'Partner news', 'Default place', 'Upcoming Conferences and Events', 'Key Events']);
    await add.getByLabel('Title of the new section').fill('After the intro');
    await add.getByLabel('Where to add it').selectOption({ label: 'After “From our sponsor”' });
    await add.getByRole('button', { name: 'Add section' }).click();
    await expect.poll(() => titles(page)).toEqual(['From our sponsor', 'After the intro', 'Partner news', 'Default place', 'Upcoming Conferences and Events', 'Key Events']);

    // Delete is on a line of its own, below Move up / Move down / Revisions.
    const moveDown = await page.getByRole('button', { name: 'Move down: Partner news' }).boundingBox();
    const del = await page.getByRole('link', { name: 'Delete “Partner news”' }).boundingBox();
    expect(del!.y).toBeGreaterThanOrEqual(moveDown!.y + moveDown!.height);

    // Without JavaScript the form posts and the page comes back with the section in place.
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    await plain.goto(`/admin/issues/${d.issue}`);
    const plainAdd = plain.getByRole('region', { name: 'Add a section' });
    await plainAdd.getByLabel('Title of the new section').fill('First of all');
    await plainAdd.getByLabel('Where to add it').selectOption('start');
    await plainAdd.getByRole('button', { name: 'Add section' }).click();
    await plain.waitForLoadState('load');
    await plain.goto(`/admin/issues/${d.issue}`);
    expect((await titles(plain))[0]).toBe('First of all');
    await context.close();
  } finally {
    await d.cleanup();
  }
});

test('the link popover applies with a button; a new byline person keeps the typed name; contributors get no “Insert image”', async ({ page, browser, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const d = await draftIssue(fixtures.sql.bind(fixtures));
  const org = `e2e-ux-org-${d.tag}`;
  await fixtures.sql(`INSERT INTO "Organisation" (slug, name, kind, "updatedAt") VALUES ($1, $2, 'PARTNER', now())`, [org, `E2E UX organisation ${d.tag}`]);
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: org });
  try {
    await signInAs(page, editor);
    await openSection(page, d.issue, d.article);
    await page.getByRole('textbox', { name: 'Text' }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Apply link' })).toBeVisible();
    await page.getByLabel('Link address').fill('https://example.org/partners');
    await page.getByRole('button', { name: 'Apply link' }).click();
    await expect(page.getByRole('region', { name: 'Preview' }).getByRole('link', { name: 'Partner news opening.' })).toHaveAttribute('href', 'https://example.org/partners');
    await expect(page.getByRole('button', { name: 'Insert image' })).toBeVisible();

    const byline = page.getByRole('region', { name: 'Byline' });
    const name = `Nobody Yet ${d.tag}`;
    await byline.getByLabel('Search people by name').fill(name);
    // The panel has two live regions (the byline's saved status and the search count).
    await expect(byline.getByRole('status').filter({ hasText: 'No one matches' })).toHaveText('No one matches. Check the spelling, or add a new person below.');
    await byline.getByRole('button', { name: 'Not in the list? Add a new person' }).click();
    await expect(byline.getByLabel('Full name')).toHaveValue(name);

    const context = await browser.newContext();
    const own = await context.newPage();
    await signInAs(own, contributor);
    await own.goto('/admin/contributions/new?kind=ARTICLE');
    await expect(own.getByRole('button', { name: 'Bold' })).toBeVisible();
    await expect(own.getByRole('button', { name: 'Insert image' })).toHaveCount(0);
    await context.close();
  } finally {
    await d.cleanup();
    await fixtures.sql(`UPDATE "User" SET "organisationId" = NULL WHERE id = $1`, [contributor.id]);
    await fixtures.sql(`DELETE FROM "Organisation" WHERE slug = $1`, [org]);
  }
});
