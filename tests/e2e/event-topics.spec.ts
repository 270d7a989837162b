import { randomUUID } from 'node:crypto';
import { expect, signInAs, test } from './support/fixtures';

// An editor gives an event a topic in the admin form; the public Topic filter then finds it.

test('a topic ticked in the event form makes the event appear under that topic on /events', async ({ page, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const title = `Topic-less event ${randomUUID().slice(0, 6)}`;
  const { events } = await fixtures.publishedIssueWithEvents([{ title, mode: 'ONLINE', platform: 'Teams', daysAhead: 25 }]);
  const [event] = (await fixtures.sql(`SELECT id FROM "Event" WHERE slug = $1`, [events[0]!.slug])) as { id: string }[];
  const [topic] = (await fixtures.sql(`SELECT name, slug FROM "Topic" ORDER BY name LIMIT 1`)) as { name: string; slug: string }[];

  await page.goto(`/events?topic=${topic!.slug}`);
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);

  await signInAs(page, editor);
  await page.goto(`/admin/events/${event!.id}`);
  const box = page.getByRole('group', { name: 'Topics (optional)' }).getByLabel(topic!.name, { exact: true });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved/i }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Topics (optional)' }).getByLabel(topic!.name, { exact: true })).toBeChecked();

  await page.goto(`/events?topic=${topic!.slug}`);
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
});
