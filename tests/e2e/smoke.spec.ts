import { expect, test } from '@playwright/test';

test('home lists both published issues, newest first', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Regional Update' })).toBeVisible();
  const links = page.getByRole('link', { name: /^Regional Update – / });
  await expect(links).toHaveText(['Regional Update – October 2025', 'Regional Update – June 2024']);
  // The demo draft is not public.
  await expect(page.getByText(/demo draft/i)).toHaveCount(0);
});

test('the October 2025 issue shows the sponsor intro and the event titles', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Regional Update – October 2025' }).click();
  await expect(page).toHaveURL(/\/issues\/regional-update-october-2025$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional Update – October 2025');
  await expect(page.getByText('Autumn is a season of reflection and renewal.')).toBeVisible();
  await expect(page.getByText('Emma Taylor', { exact: true }).first()).toBeVisible();
  for (const title of [
    'Regional Safeguarding Conference',
    'Quality Assurance Conference',
    'Who’s Got You? – For Managers and Supervisors',
    'Naming the Silence: Identity in Safeguarding',
    'Innovate and Grow Conference 2026',
  ]) {
    await expect(page.getByRole('heading', { name: title, exact: false }).first()).toBeVisible();
  }
});

test('an unknown issue is a helpful 404', async ({ page }) => {
  const response = await page.goto('/issues/no-such-issue');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
