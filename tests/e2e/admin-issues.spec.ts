import { randomUUID } from 'node:crypto';
import { DEMO, expect, signIn, test } from './support/fixtures';

// Editor: create the December issue from the template, reorder by keyboard, edit a
// section (autosave), see its revisions; axe on every admin page visited.

async function checkAxe(makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> }, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

test('an editor creates the December issue, reorders and edits sections', async ({ page, makeAxe }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO.editor.email, DEMO.editor.password);

  await page.goto('/admin/issues');
  await checkAxe(makeAxe, '/admin/issues');

  await page.goto('/admin/issues/new');
  await checkAxe(makeAxe, '/admin/issues/new');
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
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Welcome to the December issue.');
  await page.getByRole('button', { name: 'Bold' }).click();
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await checkAxe(makeAxe, 'section editor');

  await page.getByRole('link', { name: 'See earlier versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Revisions of “From our sponsor”');
  await expect(page.getByRole('heading', { level: 2, name: /^Version 2, by/ })).toBeVisible();
  await checkAxe(makeAxe, 'revisions');
});

test('a sponsor can open the intro but not edit other sections', async ({ page }) => {
  await signIn(page, DEMO.sponsor.email, DEMO.sponsor.password);
  await page.goto('/admin/issues');
  await page.getByRole('link').filter({ hasText: /demo draft/ }).first().click();
  await expect(page.getByRole('button', { name: /^Move (up|down)/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Delete/ })).toHaveCount(0);
});
