import { randomInt, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { expect, signInAs, test } from './support/fixtures';

// Issue editor extras: bylines (pick + create a person inline), an image from the
// media picker by keyboard, issue details, the whole-issue preview, and the audit
// log's filters. axe on every page and dialog added.

type Axe = () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
async function checkAxe(makeAxe: Axe, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

test('an editor sets a byline, inserts an image by keyboard, edits details, previews and finds it all in the audit log', async ({ page, fixtures, makeAxe }) => {
  test.setTimeout(120_000);
  const editor = await fixtures.user('EDITOR');
  const tag = randomUUID().slice(0, 6);
  const [issue] = await fixtures.sql(
    `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-02-01', 'DRAFT', now()) RETURNING id`,
    [`e2e-extras-${tag}`, `E2E extras ${tag}`],
  );
  const issueId = (issue as { id: string }).id;
  const [section] = await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, 0, 'ARTICLE', 'Partner news', $2, now()) RETURNING id`,
    [issueId, JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Opening paragraph.' }] }] })],
  );
  const sectionId = (section as { id: string }).id;
  const newPerson = `Jordan Tester ${tag}`;
  const imageAlt = `A team meeting ${tag}`;
  try {
    await signInAs(page, editor);

    // An image of our own in the media library (unique pixels, so never a duplicate).
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: randomInt(256), g: randomInt(256), b: randomInt(256) } } }).png().toBuffer();
    await page.goto('/admin/media');
    await page.getByLabel('Image file').setInputFiles({ name: 'meeting.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Alt text', { exact: true }).fill(imageAlt);
    await page.getByRole('button', { name: 'Upload image' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Image uploaded.' })).toBeVisible();

    // Bylines: pick an existing person, create one inline, reorder.
    await page.goto(`/admin/issues/${issueId}/sections/${sectionId}`);
    const byline = page.getByRole('region', { name: 'Byline' });
    await byline.getByLabel('Search people by name').fill('abdul');
    await byline.getByRole('button', { name: /^Add Abdul Kahar/ }).click();
    await expect(byline.getByRole('status').filter({ hasText: 'Abdul Kahar added to the byline.' })).toBeVisible();
    await byline.getByRole('button', { name: 'Not in the list? Add a new person' }).click();
    await byline.getByLabel('Full name').fill(newPerson);
    await byline.getByLabel('Job title (optional)').fill('Practice Educator');
    await byline.getByRole('button', { name: 'Create and add to the byline' }).click();
    await expect(byline.getByRole('status').filter({ hasText: `${newPerson} was added to the people list and to the byline.` })).toBeVisible();
    await expect(byline.getByRole('button', { name: `Remove: ${newPerson}` })).toBeFocused();
    await byline.getByRole('button', { name: `Move up: ${newPerson}` }).click();
    await expect(byline.getByRole('listitem').first()).toContainText(newPerson);
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText(`By ${newPerson}, Practice Educator; Abdul Kahar, Participation Manager`);
    await checkAxe(makeAxe, 'section editor with byline panel');

    // Insert image, keyboard only: open the dialog, search, tab to "Insert", Enter.
    await page.getByRole('textbox', { name: 'Text' }).click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Insert image' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Insert an image from the media library' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Search alt text')).toBeFocused();
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText(`1 image matches “${tag}”. Page 1 of 1.`);
    await checkAxe(makeAxe, 'media picker dialog');
    const insert = dialog.getByRole('button', { name: `Insert “${imageAlt}”` });
    for (let i = 0; i < 6 && !(await insert.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(insert).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.locator('.tiptap img')).toHaveAttribute('alt', imageAlt);
    await expect(preview.getByRole('img', { name: imageAlt })).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.png$/);
    await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();

    // Issue details.
    await page.goto(`/admin/issues/${issueId}`);
    const details = page.getByRole('region', { name: 'Issue details' });
    await details.getByLabel('Title').fill(`E2E extras renamed ${tag}`);
    await details.getByLabel('Summary (optional)').fill(`Summary for ${tag}.`);
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByRole('status').filter({ hasText: 'Issue details saved.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`E2E extras renamed ${tag}`);
    await checkAxe(makeAxe, 'issue editor with details form');

    // Preview of the whole draft through the public components.
    await page.getByRole('link', { name: 'Preview the whole issue' }).click();
    await page.waitForURL(`**/admin/issues/${issueId}/preview`);
    await expect(page.getByText('Preview – not published')).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(`E2E extras renamed ${tag}`);
    await expect(article).toContainText(`Summary for ${tag}.`);
    await expect(article.getByRole('heading', { level: 2, name: 'Partner news' })).toBeVisible();
    await expect(article).toContainText(`By ${newPerson}, Practice Educator; Abdul Kahar, Participation Manager`);
    await expect(article.getByRole('img', { name: imageAlt })).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.png$/);
    await checkAxe(makeAxe, 'issue preview');
    // Readers still cannot see it.
    expect((await page.request.get(`/issues/e2e-extras-${tag}`)).status()).toBe(404);

    // Audit log: filter to this editor's byline changes.
    await page.goto('/admin/audit');
    // Editors see names, not email addresses (those are for whoever may read users); pick by id.
    await expect(page.getByLabel('Who').locator('option', { hasText: editor.email })).toHaveCount(0);
    await page.getByLabel('Who').selectOption(editor.id);
    await page.getByLabel('Action').selectOption('section.bylines');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/admin\/audit\?.*action=section.bylines/);
    const table = page.getByRole('table', { name: 'Entries, newest first (by Fixture editor, “Changed the byline of a section”)' });
    await expect(table).toBeVisible();
    // Added Abdul, created + added the new person, moved up.
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('tbody')).not.toContainText('Edited the details of an issue');
    // Codes and dates in words: no raw "section.bylines", and GOV.UK style times.
    await expect(table.locator('tbody')).not.toContainText('section.bylines');
    await expect(table.locator('tbody tr').first()).toContainText('Changed the byline of a section');
    await expect(table.locator('tbody tr').first().locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?(am|pm)$/);
    await page.getByLabel('Action').selectOption('issue.update');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByRole('table').locator('tbody')).toContainText('Edited the details of an issue');

    // A bad date in the URL is reported next to the field, and the rest still works.
    await page.goto('/admin/audit?from=2026-02-30&action=issue.update');
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem with the filters' })).toContainText('Enter a real date');
    await expect(page.getByLabel('From (date)')).toHaveAttribute('aria-invalid', 'true');
    await checkAxe(makeAxe, 'audit log with a filter error');
  } finally {
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issueId]);
  }
});

test('the preview and the audit log refuse those without permission', async ({ page, fixtures }) => {
  const contributor = await fixtures.user('CONTRIBUTOR');
  await signInAs(page, contributor);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page');
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/admin/issues/00000000-0000-4000-8000-000000000000/preview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page');
  const api = await page.request.get('/api/media');
  expect(api.status()).toBe(403);
});
