import { introContentHash } from '../../lib/workflow/intro-hash';
import { expect, signInAs, test } from './support/fixtures';

// Issue 10 / decision 017: an edit to a live issue is saved as a draft, the editor is
// told so, readers keep the published text, and "Publish changes" puts it live.

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

test('editing a published section keeps the public page unchanged until “Publish changes”', async ({ page, fixtures }) => {
  const { issueSlug } = await fixtures.publishedIssueWithEvents([], { status: 'DRAFT' });
  const [{ id: issueId }] = (await fixtures.sql(`SELECT id FROM "Issue" WHERE slug = $1`, [issueSlug])) as [{ id: string }];
  const intro = { title: 'From our sponsor', body: doc('The approved welcome.'), signOff: null, signatoryId: null };
  const [{ id: introId }] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "approvedAt", "approvedContentHash", "updatedAt")
     VALUES ($1, 1, 'INTRO', $2, $3, now(), $4, now()) RETURNING id`,
    [issueId, intro.title, JSON.stringify(intro.body), introContentHash(intro)],
  )) as [{ id: string }];
  const [{ id: articleId }] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, 2, 'ARTICLE', 'Partner news', $2, now()) RETURNING id`,
    [issueId, JSON.stringify(doc('Published partner news.'))],
  )) as [{ id: string }];
  await fixtures.sql(`UPDATE "Issue" SET status = 'PUBLISHED', "publishedAt" = now() WHERE id = $1`, [issueId]);
  await fixtures.snapshot(issueId);

  await signInAs(page, await fixtures.user('EDITOR'));
  await page.goto(`/admin/issues/${issueId}/sections/${introId}`);
  await expect(page.getByText('This issue is live. Your changes are saved as a draft and readers keep seeing the published version until you publish the changes, and the sponsor must approve the intro again.')).toBeVisible();

  await page.goto(`/admin/issues/${issueId}/sections/${articleId}`);
  await expect(page.getByText('This issue is live. Your changes are saved as a draft and readers keep seeing the published version until you publish the changes.', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' A late correction.');
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible({ timeout: 15_000 });

  await page.goto(`/issues/${issueSlug}`);
  await expect(page.getByText('Published partner news.', { exact: true })).toBeVisible();
  await expect(page.getByText('A late correction.')).toHaveCount(0);

  await page.goto(`/admin/issues/${issueId}`);
  await expect(page.getByRole('heading', { name: 'Unpublished changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('heading', { name: 'Unpublished changes' })).toHaveCount(0);

  await page.goto(`/issues/${issueSlug}`);
  await expect(page.getByText('Published partner news. A late correction.')).toBeVisible();
});
