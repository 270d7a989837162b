import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signInAs, test, waitForHydration } from './support/fixtures';

// Editors import an existing bulletin (issue 14): paste the October 2025 bulletin,
// check the review (source beside the draft, guesses flagged), change the title,
// create the draft and find it; upload a file; a refused upload keeps the typed text;
// several files at once with a report; keyboard only; and without JavaScript.
// axe on the page, the review screen and the report.

const OCTOBER = readFileSync(path.join(process.cwd(), 'tests/fixtures/bulletins/2025-10-regional-update.txt'), 'utf8');

type Axe = () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
async function checkAxe(makeAxe: Axe, where: string) {
  const results = await makeAxe().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), `axe on ${where}`).toEqual([]);
}

type Sql = (text: string, params?: unknown[]) => Promise<unknown>;
/** Removes the issues the test imported (by title), with their events. */
async function removeImported(sql: Sql, titles: string[]) {
  const where = `SELECT se."eventId" FROM "SectionEvent" se JOIN "Section" s ON s.id = se."sectionId" JOIN "Issue" i ON i.id = s."issueId" WHERE i.title = ANY($1::text[])`;
  const rows = (await sql(where, [titles])) as { eventId: string }[];
  await sql(`DELETE FROM "Issue" WHERE title = ANY($1::text[])`, [titles]);
  if (rows.length) await sql(`DELETE FROM "Event" WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.eventId)]);
}

const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const review = (page: Page) => page.getByRole('form', { name: 'Check the import' });

test('an editor pastes the October 2025 bulletin, checks the review, changes the title and creates the draft', async ({ page, fixtures, makeAxe }) => {
  test.setTimeout(120_000);
  const title = `Imported October e2e ${randomUUID().slice(0, 8)}`;
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/issues');
    await page.getByRole('link', { name: 'import an existing bulletin' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import a bulletin');
    await checkAxe(makeAxe, 'the import page');

    await page.getByLabel('Paste the bulletin').fill(OCTOBER);
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(page.getByRole('heading', { name: 'Check the import' })).toBeVisible();
    // The source, line by line, beside what each part became.
    const source = page.getByRole('region', { name: 'Source text, line by line' });
    await expect(source).toContainText('Regional Update – October 2025');
    await expect(source).toContainText('Register by');
    await expect(page.getByText(/The importer found \d+ sections and 9 events, with \d+ guesses to check/)).toBeVisible();
    const form = review(page);
    await expect(form.getByLabel('Issue title')).toHaveValue('Regional Update – October 2025');
    await expect(form.getByLabel('Month', { exact: true })).toHaveValue('10');
    await expect(form.getByLabel('Year')).toHaveValue('2025');
    await expect(form.getByRole('heading', { name: /^Section 1: .* \(Intro\)$/ })).toBeVisible();
    await expect(form.getByText(/Check (this guess|these \d+ guesses) \(event/).first()).toBeVisible();
    await expect(form.getByText('Sign-off', { exact: true })).toBeVisible();
    const course = form.getByRole('group', { name: /^Event \d+\.\d+: Who’s Got You\? – For Social Workers/ });
    await expect(course.getByLabel('How people attend')).toHaveValue('ONLINE');
    await expect(course.getByLabel('Online platform')).toHaveValue('Microsoft Teams');
    await expect(course.getByLabel('Price')).toHaveValue('free');
    await expect(course.getByLabel('Register by')).toHaveValue('2025-10-13');
    await expect(course.getByRole('heading', { name: 'Sessions' })).toBeVisible();
    const sessions = course.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await expect(sessions).toHaveCount(4);
    await expect(sessions.first()).toContainText('4 November 2025');
    await expect(sessions.first()).toContainText('9:30');
    await expect(sessions.last()).toContainText('Practice Educators');
    // "From source lines …" shows the line the event was read from in the source.
    const from = course.getByRole('link', { name: /^source lines \d+–\d+$/ });
    const line = page.locator((await from.getAttribute('href'))!);
    await from.click();
    await expect(line).toBeInViewport();
    await expect(line).toContainText('Who’s Got You? – For Social Workers and Practice Educators – FREE');
    await checkAxe(makeAxe, 'the review screen');

    // A refusal keeps the review and every change.
    await form.getByLabel('Issue title').fill('');
    await form.getByRole('button', { name: 'Create draft issue' }).click();
    await expect(problem(page)).toContainText('Enter a title for the issue');
    await expect(source).toContainText('Regional Update – October 2025');

    await review(page).getByLabel('Issue title').fill(title);
    await review(page).getByRole('button', { name: 'Create draft issue' }).click();
    await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('status').filter({ hasText: 'The draft issue was created.' })).toBeVisible();

    await page.goto('/admin/issues');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row).toContainText('October 2025');
    await expect(row).toContainText('Draft');
  } finally {
    await removeImported(fixtures.sql.bind(fixtures), [title]);
  }
});

test('an uploaded file is reviewed and created; a wrong file is refused and the typed text stays', async ({ page, fixtures, makeAxe }) => {
  test.setTimeout(90_000);
  const tag = randomUUID().slice(0, 8);
  const title = `Uploaded bulletin e2e ${tag}`;
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/issues/import');
    await page.getByLabel('Paste the bulletin').fill('Some text I typed before choosing a file');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'flyer.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(problem(page)).toContainText('not both');
    await expect(page.getByLabel('Paste the bulletin')).toHaveValue('Some text I typed before choosing a file');
    await checkAxe(makeAxe, 'the import page with an error');

    await page.getByLabel('Paste the bulletin').fill('');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'flyer.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(problem(page)).toContainText('“flyer.pdf” is not a kind of file the importer reads');

    await page.getByLabel('Upload a file').setInputFiles({ name: 'june.html', mimeType: 'text/html', buffer: Buffer.from(`<h1>${title} – June 2001</h1><h2>News</h2><p>A paragraph of news.</p>`) });
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(page.getByText('From the file “june.html”.')).toBeVisible();
    await expect(review(page).getByLabel('Month', { exact: true })).toHaveValue('6');
    await review(page).getByLabel('Issue title').fill(title);
    await review(page).getByRole('button', { name: 'Create draft issue' }).click();
    await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  } finally {
    await removeImported(fixtures.sql.bind(fixtures), [title]);
  }
});

test('a paste from Word keeps its headings; typing afterwards falls back to the plain text', async ({ page, fixtures }) => {
  const title = `Word paste e2e ${randomUUID().slice(0, 8)} – August 2001`;
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/issues/import');
    await waitForHydration(page);
    const box = page.getByLabel('Paste the bulletin');
    const paste = (html: string, text: string) =>
      box.evaluate((el, [h, t]) => {
        const data = new DataTransfer();
        data.setData('text/html', h!);
        data.setData('text/plain', t!);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, [html, text]);
    // Word's HTML: the heading is only a heading in the HTML.
    await paste(`<p class=MsoTitle>${title}</p><h2>Partner News<o:p></o:p></h2><p class=MsoNormal>Our news this month.</p>`, `${title}\nPartner News\nOur news this month.`);
    await expect(box).toHaveValue(`${title}\nPartner News\nOur news this month.`);
    await expect(page.getByRole('status').filter({ hasText: 'Pasted with its formatting' })).toBeVisible();
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(page.getByRole('region', { name: 'Source text, line by line' })).toContainText('## Partner News');
    await expect(review(page).getByRole('heading', { name: /^Section \d+: Partner News/ })).toBeVisible();

    await page.getByRole('button', { name: 'Start again with another bulletin' }).click();
    await waitForHydration(page);
    await paste('<h2>Only in HTML</h2>', 'Only in HTML');
    await expect(page.getByRole('status').filter({ hasText: 'Pasted with its formatting' })).toBeVisible();
    await box.press('End');
    await page.keyboard.type('!');
    await expect(page.getByRole('status').filter({ hasText: 'Pasted with its formatting' })).toHaveCount(0);
  } finally {
    await removeImported(fixtures.sql.bind(fixtures), [title]);
  }
});

test('several files at once: a draft for each readable file and a report per file', async ({ page, fixtures, makeAxe }) => {
  const tag = randomUUID().slice(0, 8);
  const titles = [`Batch one e2e ${tag} – March 2001`, `Batch two e2e ${tag} – April 2001`];
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/issues/import');
    await page.getByLabel('Files to import').setInputFiles([
      { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from(`${titles[0]}\n\nNews\n\nA paragraph.`) },
      { name: 'flyer.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
      { name: 'two.html', mimeType: 'text/html', buffer: Buffer.from(`<h1>${titles[1]}</h1><p>Text.</p>`) },
    ]);
    await page.getByRole('button', { name: 'Import the files' }).click();
    await expect(page.getByRole('heading', { name: '2 of 3 files imported' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'What became of each file' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('one.txt');
    await expect(rows.nth(1)).toContainText('Created');
    await expect(rows.nth(2)).toContainText('Failed');
    await expect(rows.nth(2)).toContainText('not a kind of file');
    await expect(rows.nth(3)).toContainText('Created');
    await checkAxe(makeAxe, 'the batch report');
    await rows.nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
  } finally {
    await removeImported(fixtures.sql.bind(fixtures), titles);
  }
});

test('the import works from the keyboard alone', async ({ page, fixtures }) => {
  const title = `Keyboard import e2e ${randomUUID().slice(0, 8)} – May 2001`;
  const editor = await fixtures.user('EDITOR');
  try {
    await signInAs(page, editor);
    await page.goto('/admin/issues/import');
    await page.getByLabel('Paste the bulletin').focus();
    await page.keyboard.insertText(`${title}\n\nNews\n\nA paragraph of news.`);
    // Text box → the format radios (one stop) → the file input → "Review the import".
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Work it out (HTML if it has tags)')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Review the import' })).toBeFocused();
    await page.keyboard.press('Enter');
    const titleField = review(page).getByLabel('Issue title');
    await expect(titleField).toHaveValue(title);
    // The source can be scrolled from the keyboard.
    await page.getByRole('region', { name: 'Source text, line by line' }).focus();
    await expect(page.getByRole('region', { name: 'Source text, line by line' })).toBeFocused();
    await titleField.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (checked)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (checked)`);
  } finally {
    await removeImported(fixtures.sql.bind(fixtures), [`${title} (checked)`]);
  }
});

test('without JavaScript: paste, review, create', async ({ browser, fixtures }) => {
  const tag = randomUUID().slice(0, 8);
  const title = `No-JS import e2e ${tag} – July 2001`;
  const uploaded = `No-JS upload e2e ${tag} – July 2001`;
  const batched = `No-JS batch e2e ${tag} – July 2001`;
  const editor = await fixtures.user('EDITOR');
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await signInAs(context, editor);
    const page = await context.newPage();
    await page.goto('/admin/issues/import');
    await page.getByLabel('Paste the bulletin').fill('');
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(problem(page)).toContainText('Paste the text of a bulletin');
    await page.getByLabel('Paste the bulletin').fill(`${title}\n\nUpcoming Events\n\nA Workshop – FREE\nDate: 4th July 2001\nTime: 10:00 – 12:00\nPlatform: Microsoft Teams`);
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(page.getByRole('heading', { name: 'Check the import' })).toBeVisible();
    await expect(review(page).getByLabel('Event title')).toHaveValue('A Workshop');
    // A refusal comes back as the review, with the changes kept.
    await review(page).getByLabel('Event title').fill('A Workshop (renamed)');
    await review(page).getByLabel('Issue title').fill('');
    await review(page).getByRole('button', { name: 'Create draft issue' }).click();
    await expect(problem(page)).toContainText('Enter a title for the issue');
    await expect(review(page).getByLabel('Event title')).toHaveValue('A Workshop (renamed)');
    await review(page).getByLabel('Issue title').fill(title);
    await review(page).getByRole('button', { name: 'Create draft issue' }).click();
    await page.waitForURL(/\/admin\/issues\/[0-9a-f-]{36}\?created=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('A Workshop (renamed)').first()).toBeVisible();

    // An upload, and a batch, are plain multipart posts too.
    await page.goto('/admin/issues/import');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from(`${uploaded}\n\nNews\n\nText.`) });
    await page.getByRole('button', { name: 'Review the import' }).click();
    await expect(page.getByText('From the file “plain.txt”.')).toBeVisible();
    await page.goto('/admin/issues/import');
    await page.getByLabel('Files to import').setInputFiles([
      { name: 'batch.txt', mimeType: 'text/plain', buffer: Buffer.from(`${batched}\n\nNews\n\nText.`) },
      { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    ]);
    await page.getByRole('button', { name: 'Import the files' }).click();
    await expect(page.getByRole('heading', { name: '1 of 2 files imported' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'empty.txt' })).toContainText('“empty.txt” is empty.');
  } finally {
    await context.close();
    await removeImported(fixtures.sql.bind(fixtures), [title, uploaded, batched]);
  }
});
