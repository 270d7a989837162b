import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { axeFor, expect, signInAs, test } from './support/fixtures';

// Issue 5's journey: the officer writes the intro of a draft issue and submits it;
// the sponsor asks for changes; the officer revises; the sponsor approves; an edit
// after approval voids it and blocks publishing (undoing the edit restores it); the
// officer schedules the issue for the next minute; the worker publishes it and an
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
const axeOn = (p: Page) => () => axeFor(p);

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
  await checkAxe(axeOn(sponsor), 'approval page');
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
  await expect(panel(page).getByTestId('intro-approval')).toContainText('Approved by Fixture sponsor (sponsor) on');
  await expect(panel(page)).not.toContainText('Approved by the sponsor by');
  await expect(panel(page)).toContainText('Ready to schedule or publish.');

  // 5. An edit after approval voids it and blocks publishing; undoing it restores the approval.
  await writeIntro(page, issueUrl, 'An unapproved change.');
  // The status no longer says "Approved"; the change is said once, in the checklist, linking to the intro.
  await expect(panel(page).getByTestId('issue-status')).toHaveText('Needs the sponsor’s approval again');
  await expect(panel(page).getByRole('link', { name: 'Intro changed since approval: submit it for approval again.' })).toBeVisible();
  await expect(panel(page).getByText('Intro changed since approval')).toHaveCount(1);
  await expect(panel(page)).toContainText('Not ready to publish yet.');
  // What cannot be done now is left out, with the reason in its place (the server refuses too: integration tests).
  await expect(panel(page).getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  await expect(panel(page).getByRole('button', { name: 'Schedule' })).toHaveCount(0);
  await expect(panel(page).getByTestId('publish-blocked')).toContainText('once every item in the checklist above is done');
  await writeIntro(page, issueUrl, 'Welcome to the December issue, with our new family hubs.');
  await expect(panel(page).getByTestId('intro-approval')).toContainText('Approved by Fixture sponsor (sponsor)');
  await expect(panel(page)).toContainText('Ready to schedule or publish.');
  await expect(panel(page).getByTestId('publish-blocked')).toHaveCount(0);

  // 3. The officer schedules it for the soonest whole minute (the form takes minutes,
  // UK time) that leaves 40 s to fill in and send the form, so the wait is 40–100 s.
  // Axe runs before the time is chosen, so a slow machine does not eat into the 40 s.
  // A refused submit keeps an unticked email box unticked (decision 026).
  const emailBox = panel(page).locator('#schedule-email');
  await expect(emailBox).toBeChecked();
  await emailBox.uncheck();
  await panel(page).getByRole('button', { name: 'Schedule' }).click();
  await expect(panel(page).getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(emailBox).not.toBeChecked();
  await emailBox.check();
  // Emailing subscribers is on by default, with Schedule as with Publish now (decision 026).
  await expect(panel(page).getByLabel(/^Email this issue to (the \d+|its) confirmed subscribers?/)).toHaveCount(2);
  await checkAxe(makeAxe, 'issue page ready to publish, with the email choice');
  const at = new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (t: string) => london.find((p) => p.type === t)!.value;
  await panel(page).getByLabel('Day').fill(part('day'));
  await panel(page).getByLabel('Month').fill(part('month'));
  await panel(page).getByLabel('Year').fill(part('year'));
  await panel(page).getByLabel('Time').fill(`${part('hour')}:${part('minute')}`);
  await expect(emailBox).toBeChecked();
  await panel(page).getByRole('button', { name: 'Schedule' }).click();
  // The schedule form gives way to "Cancel the schedule" once it is saved.
  await expect(panel(page).getByTestId('issue-status')).toContainText('Scheduled – to be published on');
  await expect(panel(page).getByTestId('issue-status')).toContainText('and emailed to its subscribers then');
  await expect(panel(page).getByRole('button', { name: 'Cancel the schedule' })).toBeVisible();

  // 4. The worker publishes it; an anonymous reader finds it on / (among the past
  // issues: it is dated 2002), so the home page was refreshed by the worker.
  await expect
    .poll(
      async () => {
        await page.goto(issueUrl);
        return panel(page).getByTestId('issue-status').innerText();
      },
      { timeout: 180_000, intervals: [2_000] },
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
    // The template's intro is empty: it cannot be submitted, and the checklist says why;
    // its empty event lists are a warning, as is an issue without events.
    await expect(panel(page).getByRole('link', { name: 'The intro has no text. Write the intro before submitting it for the sponsor’s approval.' })).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'Submit for sponsor approval' })).toHaveCount(0);
    await expect(panel(page).getByTestId('submit-blocked')).toHaveText('You can submit the intro for the sponsor’s approval once it has text.');
    await expect(panel(page).getByRole('link', { name: 'No events in this issue.' })).toBeVisible();
    await expect(panel(page).getByText(/^\d+ sections? (is|are) empty and will not be published\.$/)).toBeVisible();
    await expect(panel(page)).not.toContainText('Events have dates and a booking route');
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
    await checkAxe(axeOn(anonymous), 'preview link page');
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
    await checkAxe(axeOn(anonymous), 'invalid preview link page');
    await anonymous.goto(`/approve/${'x'.repeat(43)}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This approval link does not work');
    await checkAxe(axeOn(anonymous), 'invalid approval link page');

    // An approval link (as emailed: the token's hash is all the database keeps).
    await fixtures.sql(`UPDATE "Issue" SET status = 'IN_REVIEW' WHERE id = $1`, [issueId]);
    // As if the sponsor had approved an older text: the link page shows what changed since.
    const para = (text: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    await fixtures.sql(
      `UPDATE "Section" SET body = $3::jsonb, "approvedAt" = now() - interval '1 day', "approvedContentHash" = repeat('0', 64),
         "approvedContent" = jsonb_build_object('title', title, 'body', $2::jsonb, 'signOff', "signOff", 'signatoryId', "signatoryId")
       WHERE "issueId" = $1 AND kind = 'INTRO'`,
      [issueId, para('An older approved wording.'), para('A newer wording.')],
    );
    const token = randomBytes(32).toString('base64url');
    await fixtures.sql(
      `INSERT INTO "AccessToken" (purpose, "tokenHash", "issueId", "userId", email, "expiresAt") VALUES ('INTRO_APPROVAL', $1, $2, $3, $4, now() + interval '7 days')`,
      [createHash('sha256').update(token).digest('hex'), issueId, sponsorUser.id, sponsorUser.email],
    );
    const approve = await anonymous.goto(`/approve/${token}`);
    expect(approve?.headers()['cache-control']).toBe('no-store');
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(`Approve your intro to ${title}`);
    await expect(anonymous.getByRole('link', { name: /admin|dashboard/i })).toHaveCount(0);
    const diff = anonymous.getByTestId('changes-since-approval');
    await expect(anonymous.getByRole('heading', { name: 'What changed since you last approved it' })).toBeVisible();
    await expect(diff.locator('del').filter({ hasText: 'older' })).toContainText('removed:');
    await expect(diff.locator('ins').filter({ hasText: 'newer' })).toContainText('added:');
    await checkAxe(axeOn(anonymous), 'approval link page');
    await anonymous.getByRole('button', { name: 'Request changes' }).click();
    await expect(anonymous.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter a comment saying what needs to change.');
    await checkAxe(axeOn(anonymous), 'approval link page with an error');
    await anonymous.getByRole('button', { name: 'Approve' }).click();
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Thank you: you approved the intro');
    expect(((await fixtures.sql(`SELECT status FROM "Issue" WHERE id = $1`, [issueId]))[0] as { status: string }).status).toBe('APPROVED');
    await anonymous.goto(`/approve/${token}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('This approval link has already been used');
    await page.goto(`/admin/issues/${issueId}`);
    await expect(panel(page).getByTestId('intro-approval')).toContainText('Approved by Fixture sponsor (sponsor)');
    await checkAxe(makeAxe, 'issue page after approval by link');
    await reader.close();
  } finally {
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issueId]);
  }
});
