import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';

test.describe('reading an issue', () => {
  test('the October 2025 issue can be read through its table of contents', async ({ page }) => {
    await page.goto('/issues/regional-update-october-2025');
    const toc = page.getByRole('navigation', { name: 'Contents' });
    await expect(toc.getByRole('link')).toHaveCount(9);
    await expect(page.getByText(/\d+ minute read/)).toBeVisible();

    await toc.getByRole('link', { name: 'Upcoming Conferences and Events' }).click();
    await expect(page).toHaveURL(/#upcoming-conferences-and-events$/);
    const section = page.getByRole('region', { name: 'Upcoming Conferences and Events' });
    await expect(section.getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(section.getByRole('heading', { name: 'Regional Safeguarding Conference' })).toBeVisible();
    await expect(section.getByText('Thursday 27 November 2025')).toBeVisible();
    await expect(section.locator('time[datetime="2025-11-27"]')).toHaveCount(1);

    await toc.getByRole('link', { name: /^From Sandwell Children’s Trust’s Chief Executive/ }).click();
    const intro = page.getByRole('region', { name: /^From Sandwell Children’s Trust’s Chief Executive/ });
    await expect(intro.getByText('Kind regards')).toBeVisible();
    await expect(intro.getByText('Emma Taylor', { exact: true })).toBeVisible();
    await expect(intro.getByText(/Chief Executive, Sandwell Children’s Trust/)).toBeVisible();
  });

  test('multi-session CPD events list every date GOV.UK style', async ({ page }) => {
    await page.goto('/issues/regional-update-october-2025');
    const card = page.getByRole('article', { name: 'Who’s Got You? – For Managers and Supervisors' });
    for (const day of ['Wednesday 5 November 2025', 'Wednesday 12 November 2025', 'Wednesday 19 November 2025', 'Wednesday 26 November 2025']) {
      await expect(card.getByText(`${day}, 9:30am to 12:30pm`)).toBeVisible();
    }
    await expect(card.getByText('Online: Microsoft Teams')).toBeVisible();
    await expect(card.getByText('This event has ended')).toBeVisible();
  });

  test('previous and next issue links connect the archive', async ({ page }) => {
    await page.goto('/issues/regional-update-october-2025');
    await page.getByRole('link', { name: /Previous issue: Regional Update – June 2024/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional Update – June 2024');
    await expect(page.getByRole('link', { name: /Next issue: Regional Update – October 2025/ })).toBeVisible();
  });

  test('share links: copy to the clipboard and email', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/issues/regional-update-june-2024');
    await page.getByRole('button', { name: /Copy link/ }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/issues\/regional-update-june-2024$/);
    const mail = page.getByRole('link', { name: /Share by email/ });
    await expect(mail).toHaveAttribute('href', /^mailto:\?subject=Regional%20Update%20%E2%80%93%20June%202024/);
  });

  test('draft issues are not public', async ({ page }) => {
    const response = await page.goto('/issues/demo-regional-update-november-2026');
    expect(response?.status()).toBe(404);
  });
});

test.describe('events', () => {
  test('an event’s calendar file downloads with one VEVENT per session', async ({ page, fixtures }) => {
    const { events } = await fixtures.publishedIssueWithEvents([
      { title: 'E2E Calendar Masterclass', mode: 'ONLINE', platform: 'Microsoft Teams', daysAhead: 20, sessions: 3 },
    ]);
    await page.goto(`/events/${events[0]!.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E Calendar Masterclass');
    await expect(page.getByText('Dates (3 sessions)')).toBeVisible();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: /Add E2E Calendar Masterclass to your calendar/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${events[0]!.slug}.ics`);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART;TZID=Europe/London:');
    expect(ics).toContain('BEGIN:VTIMEZONE');
  });

  test('filters on /events live in the URL', async ({ page, fixtures }) => {
    await fixtures.publishedIssueWithEvents([
      { title: 'E2E Online Free Session', mode: 'ONLINE', platform: 'Microsoft Teams', daysAhead: 10 },
      { title: 'E2E In Person Paid Workshop', mode: 'IN_PERSON', venueName: 'Fixture Hall', daysAhead: 12, isFree: false, cost: '£40' },
    ]);
    await page.goto('/events');
    await expect(page.getByRole('heading', { name: 'E2E Online Free Session' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'E2E In Person Paid Workshop' })).toBeVisible();

    await page.getByLabel('Online or in person').selectOption('in-person');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/\/events\?mode=in-person/);
    await expect(page.getByRole('heading', { name: 'E2E In Person Paid Workshop' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'E2E Online Free Session' })).toHaveCount(0);

    await page.getByLabel('Free events only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/mode=in-person&free=yes/);
    await expect(page.getByRole('heading', { name: 'E2E In Person Paid Workshop' })).toHaveCount(0);

    // A shared link reproduces the view, and a bad value is explained rather than failing.
    await page.goto('/events?mode=online');
    await expect(page.getByRole('heading', { name: 'E2E Online Free Session' })).toBeVisible();
    await page.goto('/events?mode=teleport');
    await expect(page.getByRole('alert').filter({ hasText: 'not recognised' })).toContainText('Ignored the “mode” filter');
  });

  test('past events have their own page', async ({ page }) => {
    await page.goto('/events/past');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Past events');
    await expect(page.getByRole('heading', { name: 'Regional Safeguarding Conference' })).toBeVisible();
  });
});

test.describe('layout', () => {
  test('works at 320px wide without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ['/', '/issues/regional-update-october-2025', '/events', '/events/past']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('search', () => {
  test('search "safeguarding" and open a result', async ({ page }) => {
    await page.goto('/search?q=safeguarding');
    await expect(page.getByRole('heading', { level: 2, name: /result/i }).first()).toBeVisible();
    // Events are grouped on their own; the match is highlighted.
    await expect(page.getByRole('heading', { level: 2, name: 'Events' })).toBeVisible();
    await expect(page.locator('mark').first()).toBeVisible();
    await page.getByRole('link', { name: 'Regional Safeguarding Conference' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regional Safeguarding Conference');
  });

  test('odd input gets a clear answer, never an error page', async ({ page }) => {
    for (const q of ['"unbalanced', '🙂🙂', 'the of and', '<script>alert(1)</script>', 'x'.repeat(5000)]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    }
    await page.goto('/search?q=zzzznotaword');
    await expect(page.getByText(/No results/i).first()).toBeVisible();
  });
});

test('printing gives a clean page: no navigation, search or buttons', async ({ page }) => {
  await page.goto('/issues/regional-update-october-2025');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('button', { name: /Copy link/ })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Autumn is a season of reflection and renewal.')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
