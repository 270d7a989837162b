import { expect, test } from './support/fixtures';

const PUBLIC_PAGES = [
  '/',
  '/issues',
  '/issues/regional-update-october-2025',
  '/issues/regional-update-june-2024',
  '/events',
  '/events/past',
  '/events/regional-safeguarding-conference-2025',
  '/events/whos-got-you-managers-and-supervisors-2025',
  '/search',
  '/search?q=safeguarding',
  '/search?q=zzzznotaword',
  '/accessibility',
  '/privacy',
  '/no-such-page',
];

test.describe('axe: WCAG 2.2 AA on every public page', () => {
  for (const path of PUBLIC_PAGES) {
    test(path, async ({ page, makeAxe }) => {
      await page.goto(path);
      const results = await makeAxe().analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      // One h1 per page, and headings never skip a level.
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null || el.closest('.sr-only')).map((el) => Number(el.tagName[1])),
      );
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1]!, `heading order on ${path}`).toBeLessThanOrEqual(1);
      });
      // Links make sense out of context.
      const vague = await page.getByRole('link', { name: /^(click here|here|read more|more|link)$/i }).count();
      expect(vague, `vague link text on ${path}`).toBe(0);
    });
  }

  test('an event card with an upcoming booking passes axe', async ({ page, fixtures, makeAxe }) => {
    const { events } = await fixtures.publishedIssueWithEvents([
      { title: 'E2E Axe Conference', mode: 'HYBRID', platform: 'Microsoft Teams', venueName: 'Fixture Hall', daysAhead: 30, registrationUrl: 'https://example.org/book' },
    ]);
    await page.goto('/events');
    await expect(page.getByRole('link', { name: /Book a place on E2E Axe Conference/ })).toBeVisible();
    expect((await makeAxe().analyze()).violations).toEqual([]);
    await page.goto(`/events/${events[0]!.slug}`);
    expect((await makeAxe().analyze()).violations).toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('skip link, main navigation and the issue contents work from the keyboard', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);

    // Walk forward until the "Events" navigation link has focus, then follow it.
    await page.goto('/');
    for (let i = 0; i < 10 && !(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/events$/);

    await page.goto('/issues/regional-update-october-2025');
    const target = page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Follow us on LinkedIn' });
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    // The focus indicator is visible (outline or ring).
    const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#follow-us-on-linkedin$/);
  });

  test('search from the header with the keyboard', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Search the bulletins' });
    for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await page.keyboard.type('safeguarding');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=safeguarding/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('events filters can be used from the keyboard', async ({ page }) => {
    await page.goto('/events');
    const mode = page.getByLabel('Online or in person');
    for (let i = 0; i < 30 && !(await mode.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(mode).toBeFocused();
    await mode.selectOption('online');
    await page.getByRole('button', { name: 'Apply filters' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/mode=online/);
  });
});

// The shared axe setup (tags, legacy mode, the title wait) must still find what it is
// there to find: a page with known faults reports each of them.
test('the shared axe setup reports a page’s known faults', async ({ page, makeAxe }) => {
  await page.setContent(
    '<!doctype html><html><head><title>Faults</title></head><body><main><h1>Faults</h1>' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
      '<p style="color:#bbb;background:#fff">Grey on white</p>' +
      '<label>Name <input id="a"></label><input id="a" type="text">' +
      '</main></body></html>',
  );
  const ids = (await makeAxe().analyze()).violations.map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang', 'label']));
});
