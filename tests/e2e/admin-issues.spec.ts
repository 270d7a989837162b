import { randomUUID } from 'node:crypto';
import { DEMO, expect, signInAs, test } from './support/fixtures';

// Editor: create the December issue from the template, reorder by keyboard, edit a
// section (autosave), see its revisions; axe on every admin page visited.

async function checkAxe(makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> }, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

test('an editor creates the December issue with an intro, an article and a multi-session event, reorders, restores a revision and previews', async ({ page, makeAxe }) => {
  test.setTimeout(180_000);
  await signInAs(page, DEMO.editor);

  // The list and the empty form pass axe for every role in admin-routes.spec.ts; here, the states of the journey.
  await page.goto('/admin/issues/new');
  await page.getByLabel('Month').selectOption({ label: 'December' });
  const year = await page.getByLabel('Year').inputValue();
  await expect(page.getByLabel('Title')).toHaveValue(`Regional Update – December ${year}`);
  await expect(page.getByLabel('Slug')).toHaveValue(`regional-update-december-${year}`);
  // A unique slug keeps the test repeatable against the same database.
  const slug = `regional-update-december-${year}-e2e-${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Slug').fill(slug);
  await page.getByRole('button', { name: 'Create draft issue' }).click();
  await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Regional Update – December ${year}`);
  await checkAxe(makeAxe, 'issue editor');

  const titles = () => page.locator('ol > li h3').allInnerTexts();
  expect((await titles()).map((t) => t.replace(/^\d+\.\s*/, ''))).toEqual([
    'From our sponsor', 'Upcoming Conferences and Events', 'CPD Opportunities', 'Key Events',
  ]);

  // Keyboard: focus "Move up: CPD Opportunities" and press Enter.
  const moveUp = page.getByRole('button', { name: 'Move up: CPD Opportunities' });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await titles()).map((t) => t.replace(/^\d+\.\s*/, ''))).toEqual([
    'From our sponsor', 'CPD Opportunities', 'Upcoming Conferences and Events', 'Key Events',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Moved “CPD Opportunities” up.' })).toHaveCount(1);

  // Edit the intro; autosave reports "Saved at".
  await page.getByRole('link', { name: 'From our sponsor', exact: true }).click();
  await page.waitForURL(/\/sections\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'Text' });
  await body.click();
  await page.keyboard.type('Welcome to the December issue.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Welcome to the December issue.');
  await page.getByRole('button', { name: 'Bold' }).click();
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await checkAxe(makeAxe, 'section editor');

  await page.getByRole('link', { name: 'See earlier versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Revisions of “From our sponsor”');
  await expect(page.getByRole('heading', { level: 2, name: /^Version 2, by/ })).toBeVisible();
  await checkAxe(makeAxe, 'revisions');

  // A second draft, then restore the first from the history.
  await page.getByRole('link', { name: 'Edit the section' }).click();
  await page.getByRole('textbox', { name: 'Text' }).fill('A second draft that the sponsor did not like.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();
  await page.getByRole('link', { name: 'See earlier versions' }).click();
  // Newest first: the second item is the last save before the second draft.
  const previous = page.locator('ol > li').nth(1);
  await previous.getByRole('button', { name: /^Restore Version \d+, by/ }).click();
  await page.waitForURL(/restored=\d+/);
  await expect(page.getByRole('status').filter({ hasText: /^Restored\. The section is now at version \d+\.$/ })).toBeVisible();
  await expect(page.locator('ol > li').first().getByRole('heading', { level: 2 })).toContainText('restored from an earlier revision');
  await page.getByRole('link', { name: 'Edit the section' }).click();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveText('Welcome to the December issue.');

  // An article with its text.
  const issuePath = new URL(page.url()).pathname.replace(/\/sections\/.*$/, '');
  await page.goto(issuePath);
  await page.getByLabel('Kind').selectOption({ label: 'Article' });
  await page.getByRole('region', { name: 'Add a section' }).getByLabel('Title').fill('News from the region');
  await page.getByRole('button', { name: 'Add section' }).click();
  await page.getByRole('link', { name: 'News from the region', exact: true }).click();
  await page.waitForURL(/\/sections\/[0-9a-f-]{36}$/);
  await page.getByRole('textbox', { name: 'Text' }).fill('The Family Hubs network met in November.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();

  // A CPD course with two sessions, created inside the events section.
  await page.goto(issuePath);
  await page.getByRole('link', { name: 'Upcoming Conferences and Events', exact: true }).click();
  await page.getByRole('region', { name: 'Events in this section' }).getByRole('link', { name: 'Create a new event here' }).click();
  await page.waitForURL(/\/admin\/events\/new\?sectionId=/);
  const eventTitle = `Who’s Got You? – For Managers (e2e ${randomUUID().slice(0, 6)})`;
  await page.getByLabel('Title', { exact: true }).fill(eventTitle);
  await page.getByLabel('Online', { exact: true }).check();
  await page.getByLabel('Online platform').fill('Microsoft Teams');
  const nextYear = Number(year) + 1;
  for (const [n, day] of [[1, '4'], [2, '11']] as const) {
    if (n === 2) await page.getByRole('button', { name: 'Add another session' }).click();
    const group = page.getByRole('group', { name: `Date of session ${n}` });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill('2');
    await group.getByLabel('Year').fill(String(nextYear));
    await page.getByLabel(`Start time of session ${n}`).fill('09:30');
    await page.getByLabel(`End time of session ${n}`).fill('12:30');
  }
  await page.getByLabel('How else to book (optional)').fill('Book through the Teaching Partnership');
  await page.getByRole('button', { name: 'Create event and add it to the section' }).click();
  await page.waitForURL(/eventAdded/);
  await expect(page.getByRole('region', { name: 'Events in this section' })).toContainText(eventTitle);

  // The preview shows the issue as readers will see it, clearly marked.
  await page.goto(issuePath);
  await page.getByRole('link', { name: 'Preview the whole issue' }).click();
  await expect(page.getByText('Preview – not published')).toBeVisible();
  const article = page.getByRole('main');
  await expect(article).toContainText('Welcome to the December issue.');
  await expect(article).toContainText('The Family Hubs network met in November.');
  await expect(article).toContainText(eventTitle);
  const weekday = new Date(Date.UTC(nextYear, 1, 4)).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  await expect(article).toContainText(`${weekday} 4 February ${nextYear}`);
  await checkAxe(makeAxe, 'issue preview');
  // The link is a client navigation: the issue page's robots tag stays in the head until the
  // preview's streamed metadata replaces it, so wait for one tag, then read what it says.
  const robots = page.locator('meta[name="robots"]');
  await expect(robots).toHaveCount(1);
  await expect(robots).toHaveAttribute('content', /noindex, nofollow/);
  // Crawlers get the server's HTML, not the client's head: it carries one tag, the preview's.
  const served = await (await page.request.get(page.url())).text();
  expect(served.match(/<meta name="robots"[^>]*>/g)).toEqual(['<meta name="robots" content="noindex, nofollow"/>']);
});

test('a sponsor can open the intro but not edit other sections', async ({ page }) => {
  await signInAs(page, DEMO.sponsor);
  await page.goto('/admin/issues');
  await page.getByRole('link').filter({ hasText: /demo draft/ }).first().click();
  await expect(page.getByRole('button', { name: /^Move (up|down)/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Delete/ })).toHaveCount(0);
});
