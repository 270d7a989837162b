import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page, Response } from '@playwright/test';
import { expect, test } from './support/fixtures';

// Issue 12: a reader with JavaScript off does everything the public side offers. The
// pages are the stored, script-free documents (decision 025), or for a search and
// filtered events Next's page made script-free on the way out.

test.use({ javaScriptEnabled: false });

/** What the server sent: no <script> except the optional enhancement file, and a CSP without inline script. */
async function expectScriptFree(response: Response | null, label: string) {
  expect(response?.status(), label).toBe(200);
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  for (const tag of scripts) expect(tag, label).toMatch(/^<script src="\/enhance\.js"[^>]*>$/);
  expect(html, label).not.toContain('self.__next_f');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp, label).toMatch(/script-src 'self'/);
  expect(csp, label).not.toContain("'unsafe-inline'");
  expect(csp, label).not.toContain("'unsafe-eval'");
}

const visit = async (page: Page, url: string) => expectScriptFree(await page.goto(url), url);

/** Submits a GET form and checks the page it leads to (Next renders these; decision 025 strips them). */
async function submit(page: Page, button: Locator, label: string) {
  // The page it lands on: /events first redirects to the URL without empty fields.
  const navigation = page.waitForResponse((r) => r.request().isNavigationRequest() && (r.status() < 300 || r.status() >= 400));
  await button.click();
  await expectScriptFree(await navigation, label);
}

test('without JavaScript a reader reads an issue, follows its contents, filters events, searches, downloads an .ics and prints', async ({
  page,
  fixtures,
}) => {
  // A word no seeded content has, so the search finds exactly this fixture's event.
  const word = `nojs${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const { issueSlug, events } = await fixtures.publishedIssueWithEvents([
    { title: `Online ${word} briefing`, mode: 'ONLINE', platform: 'Microsoft Teams', daysAhead: 9 },
    { title: `In person ${word} workshop`, mode: 'IN_PERSON', venueName: 'Fixture Hall', daysAhead: 11 },
  ]);
  const [online, inPerson] = events as [(typeof events)[0], (typeof events)[0]];

  // Read the issue and follow its contents to the section.
  await visit(page, `/issues/${issueSlug}`);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.getByRole('link', { name: 'Fixture events' }).click();
  const fragment = new URL(page.url()).hash.slice(1);
  expect(fragment).not.toBe('');
  const target = page.locator(`[id="${fragment}"]`);
  await expect(target).toHaveCount(1);
  await expect(target).toContainText('Fixture events');
  await expect(target).toBeInViewport();

  // Filter events with the GET form: the filter is in the URL and the list changes.
  await visit(page, '/events');
  await expect(page.getByRole('heading', { name: online.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: inPerson.title })).toBeVisible();
  await page.getByLabel('Online or in person').selectOption('in-person');
  await submit(page, page.getByRole('button', { name: 'Apply filters' }), 'filtered events');
  await expect(page).toHaveURL(/\/events\?mode=in-person/);
  await expect(page.getByRole('heading', { name: inPerson.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: online.title })).toHaveCount(0);

  // Search from the header's GET form.
  await page.getByRole('search').getByRole('searchbox', { name: 'Search the bulletins' }).fill(word);
  await submit(page, page.getByRole('search').getByRole('button', { name: 'Search' }), 'search');
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}`));
  await expect(page.getByRole('link', { name: online.title }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: inPerson.title }).first()).toBeVisible();

  // Download the event's calendar file from its page.
  await visit(page, `/events/${online.slug}`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: new RegExp(`Add ${online.title} to your calendar`) }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${online.slug}.ics`);
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics).toContain(`SUMMARY:${online.title}`);
  const calendar = await page.request.get(`/events/${online.slug}/calendar.ics`);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);

  // Print the stored issue page: the print stylesheet still applies without JavaScript
  // (what printing shows in detail is tests/e2e/print.spec.ts and public.spec.ts).
  await visit(page, `/issues/${issueSlug}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: online.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
});
