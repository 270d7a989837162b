import { expect, signInAs, test } from './support/fixtures';

// The event editor: an editor creates a two-session hybrid event from an event-list
// section (GOV.UK date inputs, a session added by keyboard, a field error fixed, the
// register-by warning), lands back on the section with the event listed, then edits
// and deletes it; the section's list is reordered, and an existing event removed and
// inserted again. axe on /admin/events, /admin/events/new and /admin/events/[id].

async function checkAxe(makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> }, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

test('an editor creates a two-session hybrid event inside a section', async ({ page, makeAxe, fixtures }) => {
  test.setTimeout(120_000);
  const editor = await fixtures.user('EDITOR');
  const created = await fixtures.publishedIssueWithEvents([{ title: 'Fixture webinar already listed', mode: 'ONLINE', daysAhead: 20, platform: 'Microsoft Teams' }], { status: 'DRAFT' });
  const [row] = await fixtures.sql(
    `SELECT s.id AS "sectionId", s."issueId" FROM "Section" s JOIN "Issue" i ON i.id = s."issueId" WHERE i.slug = $1`,
    [created.issueSlug],
  );
  const { sectionId, issueId } = row as { sectionId: string; issueId: string };
  const sectionPath = `/admin/issues/${issueId}/sections/${sectionId}`;
  const year = new Date().getUTCFullYear() + 1;
  const title = `Regional masterclass e2e ${Date.now()}`;

  await signInAs(page, editor);
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  // The list itself passes axe for every role in admin-routes.spec.ts; here, the states of the journey.

  await page.goto(sectionPath);
  const panel = page.getByRole('region', { name: 'Events in this section' });
  await expect(panel.getByRole('link', { name: 'Fixture webinar already listed' })).toBeVisible();
  await panel.getByRole('link', { name: 'Create a new event here' }).click();
  await page.waitForURL(/\/admin\/events\/new\?sectionId=/);
  await expect(page.getByText('When you create it, the event is added to the end of “Fixture events”')).toBeVisible();
  await checkAxe(makeAxe, '/admin/events/new');

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Who is it for? (optional)').fill('Social workers and practice supervisors');
  await page.getByLabel('Hybrid (online and in person)').check();
  await page.getByLabel('Online platform').fill('Microsoft Teams');
  await page.getByLabel('Venue', { exact: true }).fill('The Lighthouse');
  await page.getByLabel('Venue address').fill('Chubb Buildings, Fryer Street, Wolverhampton WV1 1HT');

  const date1 = page.getByRole('group', { name: 'Date of session 1' });
  await expect(date1.getByText('For example, 27 3 2027')).toBeVisible();
  await date1.getByLabel('Day').fill('10');
  await date1.getByLabel('Month').fill('3');
  await date1.getByLabel('Year').fill(String(year));
  await page.getByLabel('Start time of session 1').fill('09:30');
  await page.getByLabel('End time of session 1').fill('12:30');

  // Add the second session from the keyboard: focus moves to its first box and it is announced.
  await page.getByRole('button', { name: 'Add another session' }).focus();
  await page.keyboard.press('Enter');
  const date2 = page.getByRole('group', { name: 'Date of session 2' });
  await expect(date2.getByLabel('Day')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Session 2 added.' })).toHaveCount(1);
  await page.keyboard.type('17');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.type(String(year));
  // The new session copied session 1's times; clear the start time to see a field error.
  await expect(page.getByLabel('Start time of session 2')).toHaveValue('09:30');
  await page.getByLabel('Start time of session 2').fill('');

  // A register-by date after the last session: a warning that does not block saving.
  const deadline = page.getByRole('group', { name: 'Register by (optional)' });
  await deadline.getByLabel('Day').fill('20');
  await deadline.getByLabel('Month').fill('3');
  await deadline.getByLabel('Year').fill(String(year));
  await expect(page.getByRole('region', { name: 'Check before you save' })).toContainText('The register-by date is after the last session');
  await page.getByLabel('How else to book (optional)').fill('Email the regional projects officer');

  await page.getByRole('button', { name: 'Create event and add it to the section' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Session 2: enter a start time' })).toBeVisible();
  await expect(page.getByLabel('Start time of session 2')).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(date2.getByLabel('Day')).toHaveValue('17');
  await page.getByLabel('Start time of session 2').fill('9:30');
  await checkAxe(makeAxe, '/admin/events/new with errors');

  await page.getByRole('button', { name: 'Create event and add it to the section' }).click();
  await page.waitForURL((url) => url.pathname === sectionPath && url.searchParams.has('eventAdded'));
  await expect(page.getByRole('status').filter({ hasText: `“${title}” was created and added to this section.` })).toBeVisible();
  const items = panel.getByRole('list', { name: 'Events in this section' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText(title);
  await expect(items.nth(1)).toContainText(`${weekday(year, 3, 10)} 10 March ${year} and 1 more session`);

  // Stored as London wall-clock times (GMT in March before the clocks change).
  const [stored] = await fixtures.sql(
    `SELECT array_agg(to_char("startsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') ORDER BY "startsAt") AS starts FROM "EventSession" es JOIN "Event" e ON e.id = es."eventId" WHERE e.title = $1`,
    [title],
  );
  expect((stored as { starts: string[] }).starts).toEqual([`${year}-03-10 09:30`, `${year}-03-17 09:30`]);

  // Reorder by keyboard, take the older event out, then put it back through the search.
  await page.getByRole('button', { name: `Move up: ${title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(items.nth(0)).toContainText(title);
  await expect(page.getByRole('status').filter({ hasText: `Moved “${title}” up.` })).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove from this section: Fixture webinar already listed' }).click();
  await expect(items).toHaveCount(1);
  await panel.getByLabel('Find an event').fill('fixture webinar');
  await expect(panel.getByText('1 event matches.')).toBeVisible();
  await panel.getByRole('radio', { name: /Fixture webinar already listed/ }).check();
  await panel.getByRole('button', { name: 'Add to this section' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText('Fixture webinar already listed');

  await items.nth(0).getByRole('link', { name: title }).click();
  await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit “${title}”`);
  await expect(page.getByRole('group', { name: 'Date of session 2' }).getByLabel('Day')).toHaveValue('17');
  await checkAxe(makeAxe, '/admin/events/[id]');

  // Remove the second session by keyboard and save.
  await page.getByRole('button', { name: 'Remove session 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Session 2 removed.' })).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Date of session 2' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\?done=saved$/);
  await expect(page.getByRole('status').filter({ hasText: 'Event saved.' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Date of session 1' }).getByLabel('Day')).toHaveValue('10');
  await expect(page.getByRole('group', { name: 'Date of session 2' })).toHaveCount(0);

  // Delete, with a confirmation step; it leaves the draft section too.
  await page.getByRole('link', { name: `Delete “${title}”` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Are you sure you want to delete “${title}”?`);
  await page.getByRole('button', { name: /^Yes, delete/ }).click();
  await page.waitForURL(/\/admin\/events\?deleted=/);
  await expect(page.getByRole('status').filter({ hasText: `“${title}” deleted.` })).toBeVisible();
  await page.goto(sectionPath);
  await expect(panel.getByRole('list', { name: 'Events in this section' }).getByRole('listitem')).toHaveCount(1);
});

/** The English weekday name of a date, as the admin list prints it. */
function weekday(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
}
