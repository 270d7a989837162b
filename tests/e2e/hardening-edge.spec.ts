import { expect, signInAs, test } from './support/fixtures';

// Odd input in a real browser: an image over the 5 MB limit is refused in the
// upload form, with JavaScript (before anything is sent) and without it (by the
// server), keeping the alt text and adding nothing; a malformed address gets a
// small, accessible 400 page.

const MB = 1024 * 1024;
const pngOf = (bytes: number) => ({
  name: 'holiday-photo.png',
  mimeType: 'image/png',
  // A PNG signature, then filler: the size check comes before anything else.
  buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(bytes - 8, 7)]),
});

test('an image over 5 MB is refused in the form, before it is sent', async ({ page, fixtures, makeAxe }) => {
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/media');
    const form = page.getByRole('region', { name: 'Upload an image' });
    const fileInput = form.getByLabel('Image file');
    await fileInput.setInputFiles(pngOf(Math.round(5.5 * MB)));
    await form.getByLabel('Alt text').fill('A beach at sunset');

    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await form.getByRole('button', { name: 'Upload image' }).click();

    const summary = form.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toContainText('The file is larger than 5 MB (it is 5.5 MB)');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveAttribute('href', `#${await fileInput.getAttribute('id')}`);
    await expect(form.locator('p[id$="-file-error"]')).toContainText('The file is larger than 5 MB');
    await expect(fileInput).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Alt text')).toHaveValue('A beach at sunset');
    expect(posts, 'nothing was sent').toEqual([]);
    expect((await makeAxe().include('form').analyze()).violations).toEqual([]);

    // A file within the limit is sent as usual (and answered by the server).
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/media');
    await fileInput.setInputFiles({ name: 'note.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
    await form.getByRole('button', { name: 'Upload image' }).click();
    await answered;
    await expect(form.locator('p[id$="-file-error"]')).not.toContainText('larger than 5 MB');
  } finally {
    await fixtures.sql(`DELETE FROM "Media" WHERE "uploadedById" = $1`, [editor.id]);
  }
});

test('without JavaScript, a 7 MB image gets the same message from the server, with the alt text kept', async ({ page, browser, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  await signInAs(page, editor);
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const p = await noJs.newPage();
    await p.goto('/admin/media');
    const form = p.getByRole('region', { name: 'Upload an image' });
    await form.getByLabel('Image file').setInputFiles(pngOf(7 * MB));
    await form.getByLabel('Alt text').fill('A harbour at dawn');
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/media'),
      form.getByRole('button', { name: 'Upload image' }).click(),
    ]);
    expect(response.status()).toBe(200);
    await p.waitForLoadState('load');
    const again = p.getByRole('region', { name: 'Upload an image' });
    await expect(again.getByRole('alert')).toContainText('The file is larger than 5 MB (it is 7 MB)');
    await expect(again.locator('p[id$="-file-error"]')).toContainText('The file is larger than 5 MB');
    await expect(again.getByLabel('Alt text')).toHaveValue('A harbour at dawn');
    expect(await fixtures.sql(`SELECT id FROM "Media" WHERE "uploadedById" = $1`, [editor.id])).toEqual([]);
  } finally {
    await noJs.close();
    await fixtures.sql(`DELETE FROM "Media" WHERE "uploadedById" = $1`, [editor.id]);
  }
});

test('a malformed address gets a small 400 page that passes axe', async ({ page, makeAxe }) => {
  for (const path of ['/issues/%FF', '/events/%00', '/admin/people/%C0%AF']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(400);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page).toHaveTitle(/Bad request/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This web address is not valid');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect((await makeAxe().analyze()).violations).toEqual([]);
  }
  await page.getByRole('link', { name: 'Go to the Regional Update home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a control character in a query value is stripped by the page, not refused', async ({ page }) => {
  // A pasted line break in a search is a typo, not an attack: the query schema strips it.
  const response = await page.goto('/search?q=child%00protection%0A&page=1e9');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('child protection');
});
