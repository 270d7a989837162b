import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// An editor imports an existing mailing list from CSV (issue 13): the file is checked
// and every row left out is listed with its reason before anyone is added; then the
// editor declares the consent, adds them, finds one in the list with its consent
// history, and exports the list. Once with JavaScript, once without.

type Sql = (text: string, params?: unknown[]) => Promise<unknown>;

async function noAxeViolations(page: Page, makeAxe: () => import('@axe-core/playwright').default) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), page.url()).toEqual([]);
}

function csvFile(tag: string) {
  const rows = [
    'Name;Email address;New issues;Events digest',
    `"Lee, Sam";Sam.Lee-${tag}@Example.org;yes;weekly`,
    `"Ali, Noor";noor-${tag}@example.org;no;monthly`,
    'No Address;not-an-address;yes;none',
    `"Lee, Sam (again)";sam.lee-${tag}@example.org;yes;none`,
  ];
  return { name: `list-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`) };
}

async function forget(sql: Sql, tag: string) {
  await sql(`DELETE FROM "Subscriber" WHERE email LIKE $1`, [`%-${tag}@example.org`]);
  await sql(`DELETE FROM "SubscriberImport" WHERE "fileName" = $1`, [`list-${tag}.csv`]);
}

async function importAndAdd(page: Page, tag: string, makeAxe?: () => import('@axe-core/playwright').default) {
  await page.goto('/admin/subscribers/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import subscribers' })).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();
  // The error summary (Next's route announcer is an alert too).
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a CSV file of subscribers' })).toBeVisible();
  if (makeAxe) await noAxeViolations(page, makeAxe);

  await page.getByLabel('CSV file of subscribers').setInputFiles(csvFile(tag));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Import of list-${tag}.csv` })).toBeVisible();
  await expect(page.getByText('Of 4 rows, 2 rows can be added and 2 rows will be left out.')).toBeVisible();
  const left = page.getByRole('table', { name: /Left out/ });
  await expect(left.getByRole('row', { name: /4 not-an-address Not a valid email address/ })).toBeVisible();
  await expect(left.getByRole('row', { name: new RegExp(`5 sam.lee-${tag}@example.org Appears more than once in the file: The same address as line 2`) })).toBeVisible();
  const toAdd = page.getByRole('table', { name: /To be added/ });
  await expect(toAdd.getByRole('row', { name: new RegExp(`2 sam.lee-${tag}@example.org New issues, Weekly events digest`) })).toBeVisible();
  await expect(toAdd.getByRole('row', { name: new RegExp(`3 noor-${tag}@example.org Monthly events digest`) })).toBeVisible();
  if (makeAxe) await noAxeViolations(page, makeAxe);

  // The consent must be declared.
  await page.getByRole('button', { name: 'Add 2 subscribers' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Confirm that everyone in the file asked to receive the bulletin' })).toBeVisible();
  await page.getByLabel(/Everyone in this file asked to receive the Regional Update/).check();
  await page.getByRole('button', { name: 'Add 2 subscribers' }).click();
  await expect(page.getByRole('status')).toHaveText('2 subscribers added.');
  await expect(page.getByRole('button', { name: /Add \d+ subscribers/ })).toHaveCount(0);
}

test('an editor imports a mailing list from CSV, checks the preview, adds it, finds a subscriber and exports', async ({ page, fixtures, makeAxe }) => {
  const tag = randomUUID().slice(0, 8);
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Subscribers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Subscribers' })).toBeVisible();
    await page.getByRole('link', { name: 'Import subscribers from a CSV file' }).click();
    await importAndAdd(page, tag, makeAxe);
    if (makeAxe) await noAxeViolations(page, makeAxe);

    await page.getByRole('link', { name: 'See the subscribers' }).click();
    await page.getByLabel('Search by email address').fill(`-${tag}@`);
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: '2 subscribers match' })).toBeVisible();
    await noAxeViolations(page, makeAxe);
    await page.getByRole('link', { name: `noor-${tag}@example.org` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `noor-${tag}@example.org` })).toBeVisible();
    const history = page.getByRole('table', { name: 'Consent history' });
    await expect(history.getByRole('row', { name: new RegExp(`Confirmed A CSV import by an editor \\(Fixture editor\\) import-2026-12 Monthly events digest`) })).toBeVisible();
    await noAxeViolations(page, makeAxe);

    const exported = await page.request.get('/admin/subscribers/export.csv');
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="regional-update-subscribers-/);
    expect(await exported.text()).toMatch(new RegExp(`\\r\\nnoor-${tag}@example.org,confirmed,no,monthly,`));
  } finally {
    await forget(fixtures.sql.bind(fixtures), tag);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the import checks, reports and adds the same way', async ({ page, fixtures }) => {
    const tag = randomUUID().slice(0, 8);
    try {
      await signInAs(page, await fixtures.user('ADMIN'));
      await importAndAdd(page, tag);
      const [row] = (await fixtures.sql(`SELECT count(*)::int AS n FROM "Subscriber" WHERE email LIKE $1 AND status = 'CONFIRMED'`, [`%-${tag}@example.org`])) as { n: number }[];
      expect(row?.n).toBe(2);
    } finally {
      await forget(fixtures.sql.bind(fixtures), tag);
    }
  });
});
