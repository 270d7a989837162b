import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';

// A printed bulletin cannot click "Book a place" or "Add to calendar" (both hidden
// in print): the booking address and the event page's address are printed instead.

test('printing an issue or an event shows where to book and the event page, in place of the buttons', async ({ page, fixtures }) => {
  const registrationUrl = `https://booking.example.org/e2e-${randomUUID().slice(0, 6)}`;
  const { issueSlug, events } = await fixtures.publishedIssueWithEvents([
    { title: `Printed event ${randomUUID().slice(0, 6)}`, mode: 'ONLINE', platform: 'Teams', daysAhead: 30, registrationUrl },
  ]);
  const event = events[0]!;
  const host = new URL(test.info().project.use.baseURL!).host;
  for (const url of [`/issues/${issueSlug}`, `/events/${event.slug}`]) {
    await page.goto(url);
    const printed = page.getByText(`Book at ${registrationUrl}. Details: ${host}/events/${event.slug}`);
    // On screen the buttons do the job; the printed line is not shown.
    await expect(page.getByRole('link', { name: /^Book a place/ })).toBeVisible();
    await expect(printed).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('link', { name: /^Book a place/ })).toBeHidden();
    await expect(printed).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  }
});
