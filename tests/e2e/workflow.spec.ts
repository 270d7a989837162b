import { createHash, randomBytes, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './support/fixtures';

// Issue 5's journey: the officer writes the intro of a draft issue and submits it;
// the sponsor asks for changes; the officer revises; the sponsor approves; an edit
// after approval voids it and blocks publishing (undoing the edit restores it); the
// officer schedules the issue a minute ahead; the worker publishes it and an
// anonymous reader finds it on /. Axe on each new page.
// The issue is a fixture dated December 2002 (fixtures.draftIssue), so publishing it
// never changes the site's latest issue that other specs read; creating an issue
// from the template through the form is tests/e2e/admin-issues.spec.ts.

async function checkAxe(makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> }, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

/** Replaces the intro's text in the section editor and waits for autosave. */
async function writeIntro(page: Page, issueUrl: string, text: string) {
  await page.goto(issueUrl);
  await page.getByRole('link', { name: 'From our sponsor', exact: true }).click();
  await page.waitForURL(/\/sections\/[0-9a-f-]{36}$/);
  const body = page.getByRole('textbox', { name: 'Text' });
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();
  await page.goto(issueUrl);
}

/** axe for a page other than the fixture's own (another browser context). */
const axeFor = (p: Page) => () => new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);

const panel = (page: Page) => page.getByRole('region', { name: 'Publishing' });

test('the December issue: sponsor approval, changes requested, scheduled publishing, voided approval', async ({ browser, fixtures, makeAxe, page }) => {
  test.setTimeout(300_000);
  const officer = await fixtures.user('EDITOR');
  const sponsorUser = await fixtures.user('SPONSOR');
  const { id: issueId, slug, title } = await fixtures.draftIssue();
  const issueUrl = `/admin/issues/${issueId}`;

  // 1. The officer writes the intro and submits it.
  await signInAs(page, officer);
  await writeIntro(page, issueUrl, 'Welcome to the December issue.');

  await expect(panel(page).getByTestId('issue-status')).toHaveText('Draft');
  await expect(panel(page)).toContainText('Not yet submitted for approval');
  await expect(panel(page).getByRole('link', { name: 'The intro has not been submitted for sponsor approval.' })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  await checkAxe(makeAxe, 'issue page with the workflow panel');
  await panel(page).getByRole('button', { name: 'Submit for sponsor approval' }).click();
  await expect(panel(page).getByTestId('issue-status')).toHaveText('In review');
  await expect(panel(page)).toContainText('Waiting for sponsor approval');

  // 2. The sponsor signs in and requests changes, with a comment (required).
  const sponsorContext = await browser.newContext();
  const sponsor = await sponsorContext.newPage();
  await signInAs(sponsor, sponsorUser);
  await sponsor.goto(`${issueUrl}/approval`);
  await expect(sponsor.getByRole('heading', { level: 1 })).toHaveText(`Approve the intro to ${title}`);
  await expect(sponsor.getByText('Welcome to the December issue.')).toBeVisible();
  await checkAxe(axeFor(sponsor), 'approval page');
  await sponsor.getByRole('button', { name: 'Request changes' }).click();
  await expect(sponsor.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter a comment');
  await sponsor.getByLabel('What needs to change?').fill('Please mention the new family hubs.');
  await sponsor.getByRole('button', { name: 'Request changes' }).click();
  // The page now shows where the intro is (the forms are gone: nothing to decide).
  await expect(sponsor.getByRole('status').filter({ hasText: 'it is with the editor' })).toBeVisible();
  await expect(sponsor.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // The officer revises and submits again.
  await page.goto(issueUrl);
  await expect(panel(page).getByTestId('issue-status')).toHaveText('Draft');
  await writeIntro(page, issueUrl, 'Welcome to the December issue, with our new family hubs.');
  await panel(page).getByRole('button', { name: 'Submit for sponsor approval' }).click();
  await expect(panel(page).getByTestId('issue-status')).toHaveText('In review');

  // 3. The sponsor approves.
  await sponsor.goto(`${issueUrl}/approval`);
  await expect(sponsor.getByText('with our new family hubs.')).toBeVisible();
  await sponsor.getByRole('button', { name: 'Approve' }).click();
  await expect(sponsor.getByRole('status').filter({ hasText: 'The intro is approved by Fixture sponsor' })).toBeVisible();
  await sponsorContext.close();

  await page.goto(issueUrl);
  await expect(panel(page).getByTestId('issue-status')).toHaveText('Approved');
  await expect(panel(page)).toContainText('Approved by the sponsor');
  await expect(panel(page)).toContainText('Ready to schedule or publish.');

  // 5. An edit after approval voids it and blocks publishing; undoing it restores the approval.
  await writeIntro(page, issueUrl, 'An unapproved change.');
  await expect(panel(page).getByRole('alert').filter({ hasText: 'Intro changed since approval' })).toBeVisible();
  await expect(panel(page)).toContainText('Not ready to publish yet.');
  await panel(page).getByRole('button', { name: 'Publish now' }).click();
  await expect(panel(page).getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('cannot be published yet');
  await expect(panel(page).getByTestId('issue-status')).toHaveText('Approved');
  await writeIntro(page, issueUrl, 'Welcome to the December issue, with our new family hubs.');
  await expect(panel(page)).toContainText('Approved by the sponsor');
  await expect(panel(page)).toContainText('Ready to schedule or publish.');

  // 3. The officer schedules it about a minute ahead (the form takes minutes, UK time).
  const at = new Date(Date.now() + 90_000);
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (t: string) => london.find((p) => p.type === t)!.value;
  await panel(page).getByLabel('Day').fill(part('day'));
  await panel(page).getByLabel('Month').fill(part('month'));
  await panel(page).getByLabel('Year').fill(part('year'));
  await panel(page).getByLabel('Time').fill(`${part('hour')}:${part('minute')}`);
  await panel(page).getByRole('button', { name: 'Schedule' }).click();
  // The schedule form gives way to "Cancel the schedule" once it is saved.
  await expect(panel(page).getByTestId('issue-status')).toContainText('Scheduled – to be published on');
  await expect(panel(page).getByRole('button', { name: 'Cancel the schedule' })).toBeVisible();

  // 4. The worker publishes it; an anonymous reader finds it on / (among the past
  // issues: it is dated 2002), so the home page was refreshed by the worker.
  await expect
    .poll(
      async () => {
        await page.goto(issueUrl);
        return panel(page).getByTestId('issue-status').innerText();
      },
      { timeout: 180_000, intervals: [5_000] },
    )
    .toMatch(/^Published/);
  const reader = await browser.newContext();
  const anonymous = await reader.newPage();
  const archive = anonymous.getByRole('region', { name: 'Past issues' });
  await expect
    .poll(
      async () => {
        await anonymous.goto('/');
        return archive.getByRole('link', { name: title }).getAttribute('href', { timeout: 1_000 }).catch(() => null);
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(`/issues/${slug}`);
  await archive.getByRole('link', { name: title }).click();
  await expect(anonymous.getByText('with our new family hubs.')).toBeVisible();
  await reader.close();

  // Unpublishing asks for a confirmation first.
  await panel(page).getByRole('button', { name: 'Unpublish' }).click();
  await expect(panel(page).getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Confirm');
  await panel(page).getByLabel('Yes, take this issue off the public site').check();
  await panel(page).getByRole('button', { name: 'Unpublish' }).click();
  await expect(panel(page).getByTestId('issue-status')).toHaveText('Draft');
});

test('links without an account: a preview link (noindex, no-store, revocable) and a single-use approval link', async ({ browser, fixtures, makeAxe, page }) => {
  test.setTimeout(120_000);
  const officer = await fixtures.user('EDITOR');
  const sponsorUser = await fixtures.user('SPONSOR');
  await signInAs(page, officer);
  await page.goto('/admin/issues/new');
  await page.getByLabel('Slug').fill(`wf-preview-${randomUUID().slice(0, 6)}`);
  await page.getByRole('button', { name: 'Create draft issue' }).click();
  await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1/);
  const issueId = new URL(page.url()).pathname.split('/').pop()!;
  const title = await page.getByRole('heading', { level: 1 }).innerText();
  try {
    await panel(page).getByRole('button', { name: 'Create a preview link' }).click();
    const url = await panel(page).getByLabel('Preview link (works for 7 days)').inputValue();
    expect(url).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(url).pathname;

    const reader = await browser.newContext();
    const anonymous = await reader.newPage();
    const response = await anonymous.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-store');
    expect(response?.headers()['content-security-policy']).toMatch(/nonce-/);
    await expect(anonymous.getByText('Preview – not published')).toBeVisible();
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await checkAxe(axeFor(anonymous), 'preview link page');
    // It does not make the issue public.
    const slug = (await fixtures.sql(`SELECT slug, status FROM "Issue" WHERE id = $1`, [issueId]))[0] as { slug: string; status: string };
    expect(slug.status).toBe('DRAFT');
    expect((await anonymous.goto(`/issues/${slug.slug}`))?.status()).toBe(404);

    await page.reload();
    await panel(page).getByRole('button', { name: /Revoke Preview link/ }).click();
    // Gone from the list only once the revocation is saved (the button itself just says "Revoking…" meanwhile).
    await expect(panel(page).getByText(/^Preview link, created by/)).toHaveCount(0);
    await anonymous.goto(path);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This preview link has been withdrawn');
    await anonymous.goto(`/preview/${'x'.repeat(43)}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This preview link does not work');
    await checkAxe(axeFor(anonymous), 'invalid preview link page');
    await anonymous.goto(`/approve/${'x'.repeat(43)}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This approval link does not work');
    await checkAxe(axeFor(anonymous), 'invalid approval link page');

    // An approval link (as emailed: the token's hash is all the database keeps).
    await fixtures.sql(`UPDATE "Issue" SET status = 'IN_REVIEW' WHERE id = $1`, [issueId]);
    const token = randomBytes(32).toString('base64url');
    await fixtures.sql(
      `INSERT INTO "AccessToken" (purpose, "tokenHash", "issueId", "userId", email, "expiresAt") VALUES ('INTRO_APPROVAL', $1, $2, $3, $4, now() + interval '7 days')`,
      [createHash('sha256').update(token).digest('hex'), issueId, sponsorUser.id, sponsorUser.email],
    );
    const approve = await anonymous.goto(`/approve/${token}`);
    expect(approve?.headers()['cache-control']).toBe('no-store');
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(`Approve your intro to ${title}`);
    await expect(anonymous.getByRole('link', { name: /admin|dashboard/i })).toHaveCount(0);
    await checkAxe(axeFor(anonymous), 'approval link page');
    await anonymous.getByRole('button', { name: 'Request changes' }).click();
    await expect(anonymous.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter a comment saying what needs to change.');
    await checkAxe(axeFor(anonymous), 'approval link page with an error');
    await anonymous.getByRole('button', { name: 'Approve' }).click();
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Thank you: you approved the intro');
    expect(((await fixtures.sql(`SELECT status FROM "Issue" WHERE id = $1`, [issueId]))[0] as { status: string }).status).toBe('APPROVED');
    await anonymous.goto(`/approve/${token}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This approval link has already been used');
    await page.goto(`/admin/issues/${issueId}`);
    await expect(panel(page)).toContainText('Approved by the sponsor');
    await checkAxe(makeAxe, 'issue page after approval by link');
    await reader.close();
  } finally {
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issueId]);
  }
});
