import { expect, signInAs, test } from './support/fixtures';

// The accessibility statement and the privacy notice: linked from every public page's
// footer, readable without JavaScript, and edited by an editor in the admin.
// (axe on both: tests/e2e/accessibility.spec.ts; who may open the admin pages:
// tests/e2e/admin-routes.spec.ts; the action itself: tests/integration/site-pages.test.ts.)

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the footer links reach both pages', async ({ page }) => {
    await page.goto('/events');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: 'Accessibility statement' }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
    await expect(page.getByRole('heading', { name: 'Enforcement procedure' })).toBeVisible();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy notice' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
    await expect(page.getByRole('heading', { name: 'How to complain' })).toBeVisible();
  });
});

test('an editor edits the privacy notice and readers see it at once', async ({ page, fixtures }) => {
  const [before] = (await fixtures.sql(`SELECT title, body FROM "SitePage" WHERE slug = 'privacy'`)) as { title: string; body: unknown }[];
  try {
    const editor = await fixtures.user('EDITOR');
    await signInAs(page, editor);
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Site pages' }).click();
    await page.getByRole('link', { name: 'Privacy notice' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');

    const added = `Email updates start in the spring ${Date.now()}.`;
    await page.getByLabel('Title').fill('Privacy notice for readers and staff');
    const text = page.getByRole('textbox', { name: 'Text' });
    await text.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(added);
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await expect(page.getByText('Changes saved and published.')).toBeVisible();

    await page.goto('/privacy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice for readers and staff');
    await expect(page.getByRole('main')).toContainText(added);
    // The rest of the text is still there.
    await expect(page.getByRole('heading', { name: 'Your rights' })).toBeVisible();
  } finally {
    await fixtures.sql(`UPDATE "SitePage" SET title = $1, body = $2, version = version + 1 WHERE slug = 'privacy'`, [before!.title, JSON.stringify(before!.body)]);
  }
});
