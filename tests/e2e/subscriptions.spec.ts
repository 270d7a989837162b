import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

type Fixtures = { sql(text: string, params?: unknown[]): Promise<unknown> };

// A reader subscribes from the footer, confirms, changes what they get and
// unsubscribes, in a browser, with axe on each page. The e2e server has no SMTP
// server, so the test swaps the emailed confirmation token for one it knows;
// tests/integration/subscriptions.test.ts confirms from the link in the real
// email received by the SMTP sink, and covers the one-click POST.

const newAddress = () => `e2e-sub-${randomUUID().slice(0, 8)}@example.org`;

async function forget(fixtures: Fixtures, email: string) {
  await fixtures.sql(`DELETE FROM "Subscriber" WHERE email = $1`, [email]);
  await fixtures.sql(`DELETE FROM "EmailSuppression" WHERE email = $1`, [email]);
}

async function knownToken(fixtures: Fixtures, email: string) {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  await fixtures.sql(`UPDATE "SubscriptionToken" SET "tokenHash" = $1 WHERE "subscriberId" = (SELECT id FROM "Subscriber" WHERE email = $2)`, [hash, email]);
  return token;
}

async function noAxeViolations(page: Page, makeAxe: () => import('@axe-core/playwright').default) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), page.url()).toEqual([]);
}

test('subscribe, confirm, manage and unsubscribe, with axe on each page', async ({ page, fixtures, makeAxe }) => {
  const email = newAddress();
  try {
    await page.goto('/events');
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'How we use your address' })).toHaveAttribute('href', '/privacy');
    await footer.getByLabel('Email address').fill(email);
    await footer.getByLabel(/^Monthly/).check();
    await footer.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/subscribe\/check-email$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
    await noAxeViolations(page, makeAxe);

    const token = await knownToken(fixtures, email);
    await page.goto(`/subscribe/confirm?token=${token}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription');
    await noAxeViolations(page, makeAxe);
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();

    await expect(page.getByRole('status')).toHaveText('Thank you: you are subscribed.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manage your subscription');
    await noAxeViolations(page, makeAxe);
    const main = page.getByRole('main');
    await expect(main.getByLabel(/^Each new issue/)).toBeChecked();
    await expect(main.getByLabel(/^Monthly/)).toBeChecked();
    await main.getByLabel(/^Each new issue/).uncheck();
    await main.getByLabel(/^Weekly/).check();
    await main.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('status')).toHaveText('Your choices are saved.');
    await expect(main.getByLabel(/^Weekly/)).toBeChecked();
    await expect(main.getByLabel(/^Each new issue/)).not.toBeChecked();

    await main.getByRole('link', { name: 'Unsubscribe from Regional Update' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from Regional Update');
    await noAxeViolations(page, makeAxe);
    await page.getByRole('main').getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have unsubscribed');
    await noAxeViolations(page, makeAxe);
    const [row] = (await fixtures.sql(`SELECT status FROM "Subscriber" WHERE email = $1`, [email])) as { status: string }[];
    expect(row?.status).toBe('UNSUBSCRIBED');
  } finally {
    await forget(fixtures, email);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page form subscribes, and a wrong address comes back with the error and what was typed', async ({ page, fixtures }) => {
    const email = newAddress();
    try {
      await page.goto('/');
      const form = page.getByRole('region', { name: 'Get each new issue by email' });
      // The browser's own check lets this through; ours does not.
      await form.getByLabel('Email address').fill('typo@example');
      await form.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page).toHaveURL(/\/subscribe\?error=email-format/);
      const main = page.getByRole('main');
      await expect(main.getByRole('alert')).toContainText('Enter an email address in the correct format');
      await expect(main.getByLabel('Email address')).toHaveValue('typo@example');
      await main.getByLabel('Email address').fill(email);
      await main.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
      const [row] = (await fixtures.sql(`SELECT status FROM "Subscriber" WHERE email = $1`, [email])) as { status: string }[];
      expect(row?.status).toBe('PENDING');
    } finally {
      await forget(fixtures, email);
    }
  });
});

test('an editor previews the email edition and sends a test', async ({ page, fixtures, makeAxe }) => {
  const editor = await fixtures.user('EDITOR');
  const issue = await fixtures.draftIssue();
  await signInAs(page, editor);
  await page.goto(`/admin/issues/${issue.id}`);
  await page.getByRole('link', { name: 'Preview the email edition' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Email edition: ${issue.title}`);
  await expect(page.frameLocator('iframe[title="The email edition at 320 pixels wide"]').getByRole('heading', { level: 1 })).toHaveText(issue.title);
  await expect(page.locator('pre')).toContainText('IN THIS ISSUE');
  await noAxeViolations(page, makeAxe);
  await page.getByLabel('Its first paragraphs, with a link to the rest').check();
  await page.getByRole('button', { name: 'Show this version' }).click();
  await expect(page).toHaveURL(/intro=first/);
  // The e2e server has no SMTP server: the editor is told nothing was sent.
  await page.getByRole('button', { name: `Send a test to ${editor.email}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nothing was sent' })).toBeVisible();
});
