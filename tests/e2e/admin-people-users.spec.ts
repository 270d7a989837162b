import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { DEMO, expect, signInAs, signInWithPassword, test } from './support/fixtures';
import { E2E_DATABASE_URL_FILE } from './support/paths';

// People, organisations and users admin (app/(admin)/admin/{people,organisations,users}).
// Rows created here carry a random suffix and are removed afterwards.

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const RUN = randomUUID().slice(0, 8);

test.afterAll(async () => {
  await sql(`DELETE FROM "User" WHERE email LIKE $1`, [`e2e-${RUN}-%`]);
  await sql(`DELETE FROM "Person" WHERE name LIKE $1`, [`%E2E ${RUN}%`]);
});

async function expectAccessiblePage(page: Page, makeAxe: () => import('@axe-core/playwright').default, path: string) {
  const violations = (await makeAxe().analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(violations, path).toEqual([]);
  const levels = await page
    .locator('#main')
    .locator('h1, h2, h3, h4')
    .evaluateAll((els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => Number(el.tagName[1])),
    );
  expect(
    levels.filter((l) => l === 1),
    `one h1 on ${path}`,
  ).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1]!, `heading order on ${path}`).toBeLessThanOrEqual(1);
  });
}

// Every people, organisations and users page passes axe for each role that may open
// it in tests/e2e/admin-routes.spec.ts; here, the states only these specs reach.
test('axe: a people search with results, as an administrator', async ({ page, makeAxe }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/people?q=kahar');
  await expect(page.getByRole('link', { name: /Abdul Kahar/ }).first()).toBeVisible();
  await expectAccessiblePage(page, makeAxe, '/admin/people?q=kahar');
});

test('an editor sees organisations read-only', async ({ page }) => {
  const [org] = await sql<{ id: string }>(`SELECT id FROM "Organisation" WHERE slug = 'sandwell-childrens-trust'`);
  await signInAs(page, DEMO.editor);
  await page.goto(`/admin/organisations/${org!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandwell Children’s Trust' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Save changes|Merge/ })).toHaveCount(0);
});

test('an editor adds a person: errors first, then success', async ({ page, makeAxe }) => {
  const name = `Jordan E2E ${RUN}`;
  await signInAs(page, DEMO.editor);
  await page.goto('/admin/people');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();

  await page.getByLabel('Job title (optional)').fill('Team Manager');
  await page.getByRole('button', { name: 'Add person' }).click();
  const summary = page.locator('#main').getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Enter a name');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Job title (optional)')).toHaveValue('Team Manager'); // kept after the failed submit
  await expectAccessiblePage(page, makeAxe, 'add a person (with errors)');

  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Organisation (optional)').selectOption({ label: 'Sandwell Children’s Trust' });
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Person added.' })).toBeVisible();

  await page.goto(`/admin/people?q=${encodeURIComponent(`E2E ${RUN}`)}`);
  await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
});

test('an editor merges a duplicate person into the record to keep', async ({ page }) => {
  const [dup] = await sql<{ id: string }>(
    `INSERT INTO "Person" (slug, name, "updatedAt") VALUES ($1, $2, now()) RETURNING id`,
    [`dup-e2e-${RUN}`, `Abdul Kahar E2E ${RUN}`],
  );
  await signInAs(page, DEMO.editor);
  await page.goto(`/admin/people/${dup!.id}`);
  await page.getByRole('button', { name: /Merge and delete/ }).click();
  await expect(page.locator('#main').getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await page
    .getByLabel(/^Merge .* into$/)
    .selectOption({ label: 'Abdul Kahar – Participation Manager – Sandwell Children’s Trust' });
  await page.getByRole('button', { name: /Merge and delete/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Abdul Kahar' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Duplicate merged' })).toBeVisible();
  expect(await sql(`SELECT id FROM "Person" WHERE id = $1`, [dup!.id])).toHaveLength(0);
});

test('an administrator creates a user, who can then sign in', async ({ page, browser }) => {
  const email = `e2e-${RUN}-new@example.org`;
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/users/new');
  await page.getByLabel('Full name').fill('New E2E User');
  await page.getByLabel('Email address').fill(email.toUpperCase());
  await page.getByLabel('Role').selectOption('CONTRIBUTOR');
  await page.getByLabel('Initial password').fill('too short');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.locator('#main').getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Password must be 12 characters or more',
  );
  await expect(page.getByLabel('Email address')).toHaveValue(email.toUpperCase());
  await expect(page.getByLabel('Initial password')).toHaveValue('');

  await page.getByLabel('Initial password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New E2E User' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  // With the password just set (through next-auth's credentials endpoint; the form has its own test).
  await signInWithPassword(otherPage, email, 'a long enough password');
  await otherPage.goto('/admin');
  await expect(otherPage.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await other.close();
});

test('an administrator cannot deactivate or demote themselves', async ({ page }) => {
  const [admin] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.admin.email]);
  await signInAs(page, DEMO.admin);
  await page.goto(`/admin/users/${admin!.id}`);
  await expect(page.getByText('You cannot change your own role.')).toBeVisible();
  await expect(page.getByText('You cannot deactivate your own account.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Deactivate/ })).toHaveCount(0);
});

test('a contributor visiting /admin/users sees no user data', async ({ page }) => {
  const [admin] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.admin.email]);
  await signInAs(page, DEMO.contributor);
  for (const path of ['/admin/users', `/admin/users/${admin!.id}`, '/admin/users/new']) {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }),
    ).toBeVisible();
    const html = await page.content();
    for (const email of [DEMO.admin.email, DEMO.editor.email, DEMO.sponsor.email])
      expect(html, path).not.toContain(email);
    expect(html).not.toContain('Demo Admin');
  }
});

test('a contributor cannot add people', async ({ page }) => {
  await signInAs(page, DEMO.contributor);
  await page.goto('/admin/people');
  await expect(page.getByRole('link', { name: 'Add a person' })).toHaveCount(0);
  await page.goto('/admin/people/new');
  await expect(
    page.getByRole('heading', { level: 1, name: 'You do not have permission to view this page' }),
  ).toBeVisible();
});
