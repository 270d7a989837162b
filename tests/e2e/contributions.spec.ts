import type { Page } from '@playwright/test';
import { axeFor, expect, signInAs, test } from './support/fixtures';

// The journey "a contributor submits an event, and the editor accepts it", with
// axe on every contributions page on the way.

/** The shared axe checks for any page (the editor has their own). */
async function expectNoAxeViolations(page: Page, what: string) {
  const violations = (await axeFor(page).analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(violations, what).toEqual([]);
}

test('a contributor submits an event; the editor accepts it into a draft issue’s event list', async ({ page, browser, fixtures }) => {
  test.setTimeout(120_000);
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: 'the-staff-college' });
  const editor = await fixtures.user('EDITOR');
  const { issueSlug } = await fixtures.publishedIssueWithEvents([], { status: 'DRAFT' });
  const issueTitle = `E2E fixture issue ${issueSlug.replace('e2e-fixture-', '')}`;
  const title = `Kinship Care Masterclass ${issueSlug.slice(-8)}`;
  const year = String(new Date().getUTCFullYear() + 1);

  // The contributor sees their own area only: no issues, no drafts.
  await signInAs(page, contributor);
  await page.goto('/admin');
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await expect(nav.getByRole('link', { name: 'Contributions' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Issues' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Issues by status' })).toHaveCount(0);
  await expect(page.locator('#main')).not.toContainText(issueTitle);

  await nav.getByRole('link', { name: 'Contributions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contributions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your submissions' })).toBeVisible();
  await expectNoAxeViolations(page, 'contributor list');

  await page.getByRole('link', { name: 'Submit an article or event' }).click();
  await expect(page.getByText('The Staff College')).toBeVisible();
  await expectNoAxeViolations(page, 'choose what to submit');
  await page.getByLabel(/An event/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Submit an event' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Description (optional)' })).toBeVisible();
  await expectNoAxeViolations(page, 'event form');

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Description (optional)' }).fill('A morning on kinship assessments.');
  await page.locator('input[name="sessions.0.day"]').fill('12');
  await page.locator('input[name="sessions.0.month"]').fill('3');
  await page.locator('input[name="sessions.0.year"]').fill(year);
  await page.getByLabel('Start time of session 1', { exact: true }).fill('13:00');
  await page.getByLabel('End time of session 1', { exact: true }).fill('10:00');
  await page.getByLabel('Online', { exact: true }).check();
  await page.getByLabel('Platform').fill('Microsoft Teams');
  await page.getByLabel('Yes, it is free').check();
  await page.getByLabel('Registration link (optional)').fill('https://example.org/kinship');
  await page.getByRole('button', { name: 'Submit event' }).click();

  // A mistake is explained next to the field and in the summary; nothing typed is lost.
  const summary = page.locator('#main').getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Session 1: the end time must be after the start time');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Description (optional)' })).toContainText('A morning on kinship assessments.');
  await expectNoAxeViolations(page, 'event form with errors');
  await page.getByLabel('End time of session 1', { exact: true }).fill('16:30');
  await page.getByRole('button', { name: 'Submit event' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Your submission has been sent to the editor.')).toBeVisible();
  await expect(page.getByText('Submitted', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Change your submission' })).toBeVisible();
  await expectNoAxeViolations(page, 'contributor detail');
  const contributionUrl = page.url().replace(/\?.*$/, '');

  // While it is waiting, the contributor can change it: the form comes back filled in.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(page.locator('input[name="sessions.0.day"]')).toHaveValue('12');
  await expect(page.getByLabel('End time of session 1', { exact: true })).toHaveValue('16:30');
  await expect(page.getByLabel('Online', { exact: true })).toBeChecked();
  await page.getByLabel('Platform').fill('Microsoft Teams (link sent on booking)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Preview of the saved version' })).toContainText('Microsoft Teams (link sent on booking)');

  // The editor, in another browser, finds it in the queue and accepts it.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signInAs(editorPage, editor);
  await editorPage.goto('/admin');
  await expect(editorPage.getByRole('link', { name: /submissions? waiting for a decision/ })).toBeVisible();
  await editorPage.goto('/admin/contributions');
  const queue = editorPage.getByRole('region', { name: /Waiting for review/ });
  await expect(queue.getByRole('link', { name: title })).toBeVisible();
  await expectNoAxeViolations(editorPage, 'editor queue');
  await queue.getByRole('link', { name: title }).click();

  await expect(editorPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const preview = editorPage.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('1pm to 4:30pm');
  await expect(preview).toContainText('Online: Microsoft Teams (link sent on booking)');
  await expect(preview).toContainText('A morning on kinship assessments.');
  await editorPage.getByLabel('Issue', { exact: true }).selectOption({ label: `${issueTitle} (draft)` });
  await editorPage.getByLabel('Add the event to this event list').selectOption({ label: 'Fixture events' });
  await editorPage.getByRole('button', { name: 'Accept and add the event' }).click();
  await expect(editorPage.getByText('Submission accepted.')).toBeVisible();
  await expect(editorPage.getByRole('region', { name: 'Accepted' })).toContainText(issueTitle);

  const [placed] = await fixtures.sql(
    `SELECT e.id, e.title, se.position, s.title AS section
       FROM "Event" e JOIN "SectionEvent" se ON se."eventId" = e.id JOIN "Section" s ON s.id = se."sectionId"
       JOIN "Issue" i ON i.id = s."issueId"
      WHERE i.slug = $1`,
    [issueSlug],
  );
  expect(placed).toMatchObject({ title, position: 0, section: 'Fixture events' });
  await editorContext.close();

  // The contributor sees the decision, on the submission and on the dashboard.
  await page.goto(contributionUrl);
  await expect(page.getByRole('region', { name: 'Accepted' })).toBeVisible();
  await expect(page.locator('#main')).not.toContainText(issueTitle);
  await expect(page.getByRole('heading', { name: 'Change your submission' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'contributor detail after acceptance');
  await page.goto('/admin');
  await expect(page.getByRole('link', { name: `Your submission “${title}”: Accepted` })).toBeVisible();

  await fixtures.sql(`DELETE FROM "SectionEvent" WHERE "eventId" = $1`, [placed!.id]);
  await fixtures.sql(`DELETE FROM "Event" WHERE id = $1`, [placed!.id]);
});

test('without JavaScript, a contributor’s event comes back after a mistake with everything typed, then submits', async ({ page, browser, fixtures }) => {
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: 'the-staff-college' });
  const topics = (await fixtures.sql(`SELECT name FROM "Topic" ORDER BY name LIMIT 2`)) as { name: string }[];
  expect(topics).toHaveLength(2);
  const title = `No-script workshop ${contributor.id.slice(0, 8)}`;
  const year = String(new Date().getUTCFullYear() + 1);
  await signInAs(page, contributor);
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const p = await noJs.newPage();
    await p.goto('/admin/contributions/new?kind=EVENT');
    await p.getByLabel('Title', { exact: true }).fill(title);
    const date1 = p.getByRole('group', { name: 'Date of session 1' });
    await date1.getByLabel('Day').fill('12');
    await date1.getByLabel('Month').fill('3');
    await date1.getByLabel('Year').fill(year);
    await p.getByLabel('Start time of session 1').fill('13:00');
    await p.getByLabel('End time of session 1').fill('10:00');
    await p.getByLabel('Online', { exact: true }).check();
    await p.getByLabel('Yes, it is free').check();
    const topicBoxes = p.getByRole('group', { name: 'Topics (optional)' });
    for (const t of topics) await topicBoxes.getByLabel(t.name, { exact: true }).check();
    await p.getByRole('button', { name: 'Submit event' }).click();

    // The server renders the form again: the errors, and every value as sent.
    const summary = p.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toContainText('Session 1: the end time must be after the start time');
    await expect(summary).toContainText('Enter the platform');
    await expect(p.getByLabel('Title', { exact: true })).toHaveValue(title);
    await expect(p.getByRole('group', { name: 'Date of session 1' }).getByLabel('Day')).toHaveValue('12');
    await expect(p.getByLabel('Start time of session 1')).toHaveValue('13:00');
    await expect(p.getByLabel('Online', { exact: true })).toBeChecked();
    await expect(p.getByLabel('Yes, it is free')).toBeChecked();
    for (const t of topics) await expect(p.getByRole('group', { name: 'Topics (optional)' }).getByLabel(t.name, { exact: true })).toBeChecked();

    // Online was chosen, so the platform field is there now.
    await p.getByLabel('Online platform').fill('Zoom');
    await p.getByLabel('End time of session 1').fill('16:00');
    await p.getByRole('button', { name: 'Submit event' }).click();
    await expect(p.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(p.getByText('Your submission has been sent to the editor.')).toBeVisible();
  } finally {
    await noJs.close();
  }
});

test('the editor declines an article with a reason the contributor sees; axe on the article form and review screen', async ({ page, browser, fixtures }) => {
  test.setTimeout(90_000);
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: 'the-staff-college' });
  const editor = await fixtures.user('EDITOR');
  const title = `Practice story ${contributor.id.slice(0, 8)}`;

  await signInAs(page, contributor);
  await page.goto('/admin/contributions/new?kind=article');
  await expect(page.getByRole('heading', { level: 1, name: 'Submit an article' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text' })).toBeVisible();
  await expectNoAxeViolations(page, 'article form');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('textbox', { name: 'Text' }).fill('What we learned this year.');
  await page.getByRole('button', { name: 'Submit article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const url = page.url().replace(/\?.*$/, '');

  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signInAs(editorPage, editor);
  await editorPage.goto(url);
  await expect(editorPage.getByRole('region', { name: 'Preview' })).toContainText('By The Staff College');
  await expect(editorPage.getByLabel('Place the article after')).toBeVisible();
  await expectNoAxeViolations(editorPage, 'review screen');
  await editorPage.getByRole('button', { name: 'Decline submission' }).click();
  await expect(editorPage.locator('#main').getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter the reason');
  await editorPage.getByLabel('Reason for declining').fill('We covered this topic last month.');
  await editorPage.getByRole('button', { name: 'Decline submission' }).click();
  await expect(editorPage.getByText('Submission declined.')).toBeVisible();
  await editorPage.goto('/admin/contributions');
  await expect(editorPage.getByRole('region', { name: 'Recent decisions' }).getByRole('link', { name: title })).toBeVisible();
  await editorContext.close();

  await page.goto('/admin/contributions');
  const mine = page.getByRole('region', { name: 'Your submissions' });
  await expect(mine.getByRole('row', { name: new RegExp(title) })).toContainText('Declined');
  await expect(mine.getByRole('row', { name: new RegExp(title) })).toContainText('We covered this topic last month.');
  await expectNoAxeViolations(page, 'contributor list with a decision');
});
