import { randomBytes, randomUUID } from 'node:crypto';
import { expect, signInAs, test } from './support/fixtures';

// Issue 9, content parts, end to end: the audit log shows an editor no email
// address, and a public page renders stored rich text that bypassed validation
// with the validator's own image rules.

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

test('an editor sees no email address in the audit log, after an administrator creates a user', async ({ page, browser, fixtures }) => {
  const admin = await fixtures.user('ADMIN');
  const editor = await fixtures.user('EDITOR');
  const probe = `probe-${randomUUID().slice(0, 8)}@example.test`;
  try {
    await signInAs(page, admin);
    await page.goto('/admin/users/new');
    await page.getByLabel('Full name').fill('Audit Probe');
    await page.getByLabel('Email address').fill(probe);
    await page.getByLabel('Role').selectOption('CONTRIBUTOR');
    await page.getByLabel('Initial password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit Probe' })).toBeVisible();
    // The administrator (user:read) still sees the address in the entry's details.
    await page.goto('/admin/audit?action=user.create');
    expect(await page.content()).toContain(probe);

    const context = await browser.newContext();
    const editorPage = await context.newPage();
    await signInAs(editorPage, editor);
    for (const url of ['/admin/audit?action=user.create', '/admin/audit']) {
      await editorPage.goto(url);
      await expect(editorPage.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
      const html = await editorPage.content();
      // The entry itself is there (with its details), only the address is not.
      if (url.includes('user.create')) await expect(editorPage.locator('tbody td', { hasText: 'Added a user' }).first()).toBeVisible();
      const others = (html.match(ADDRESS) ?? []).filter((a) => a !== editor.email);
      expect(others, `${url} shows addresses to an editor`).toEqual([]);
      expect(html).not.toContain(probe);
      expect(html).not.toContain(admin.email);
    }
    await context.close();
  } finally {
    await fixtures.sql(`DELETE FROM "User" WHERE email = $1`, [probe]);
  }
});

test('a published section stored without validation shows only media-library images', async ({ page, fixtures }) => {
  const { issueSlug } = await fixtures.publishedIssueWithEvents([]);
  const fileName = `${randomBytes(32).toString('hex')}.png`;
  const img = (src: string, alt: string) => ({ type: 'image', attrs: { src, alt } });
  const body = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Imported section text.' }] },
      img('https://evil.example/tracker.png', 'external'),
      img('/MEDIA/x.png', 'upper case'),
      img('/media/../api/auth/signout', 'sign out'),
      img(`/media/%2e%2e/api/auth/signout`, 'encoded dots'),
      img(`/media/${fileName}`, 'library image'),
      { type: 'paragraph', content: [{ type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
    ],
  };
  const [section] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt")
     SELECT id, 1, 'ARTICLE', 'Imported article', $2, now() FROM "Issue" WHERE slug = $1 RETURNING "issueId"`,
    [issueSlug, JSON.stringify(body)],
  )) as { issueId: string }[];
  // Readers see the publication (decision 017): republish so the stored section is what they get.
  await fixtures.snapshot(section!.issueId);
  await page.goto(`/issues/${issueSlug}`);
  await expect(page.getByText('Imported section text.')).toBeVisible();
  const article = page.locator('main');
  await expect(article.locator('img')).toHaveCount(1);
  await expect(article.locator('img')).toHaveAttribute('src', `/media/${fileName}`);
  await expect(article.getByText('bad link')).toBeVisible();
  await expect(article.locator('a[href^="javascript"]')).toHaveCount(0);
});
