import { introContentHash } from '../../lib/workflow/intro-hash';
import { expect, signInAs, test } from './support/fixtures';

// Issue 10 / decision 017: an edit to a live issue is saved as a draft, the editor is
// told so, readers keep the published text, and "Publish changes" puts it live. An
// intro edited on a live issue goes back to the sponsor, who sees what changed.

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type Fixtures = Parameters<Parameters<typeof test>[2]>[0]['fixtures'];

/** A published issue (with its snapshot) whose intro the sponsor approved: the approved content is kept with the approval. */
async function liveIssue(fixtures: Fixtures) {
  const { issueSlug } = await fixtures.publishedIssueWithEvents([], { status: 'DRAFT' });
  const [{ id: issueId }] = (await fixtures.sql(`SELECT id FROM "Issue" WHERE slug = $1`, [issueSlug])) as [{ id: string }];
  const intro = { title: 'From our sponsor', body: doc('The approved welcome.'), signOff: null, signatoryId: null };
  const [{ id: introId }] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "approvedAt", "approvedContentHash", "approvedContent", "updatedAt")
     VALUES ($1, 1, 'INTRO', $2, $3, now(), $4, $5, now()) RETURNING id`,
    [issueId, intro.title, JSON.stringify(intro.body), introContentHash(intro), JSON.stringify(intro)],
  )) as [{ id: string }];
  const [{ id: articleId }] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, 2, 'ARTICLE', 'Partner news', $2, now()) RETURNING id`,
    [issueId, JSON.stringify(doc('Published partner news.'))],
  )) as [{ id: string }];
  await fixtures.sql(`UPDATE "Issue" SET status = 'PUBLISHED', "publishedAt" = now() WHERE id = $1`, [issueId]);
  await fixtures.snapshot(issueId);
  return { issueId, issueSlug, introId, articleId };
}

test('editing a published section keeps the public page unchanged until “Publish changes”, which says what went live', async ({ page, fixtures }) => {
  const { issueId, issueSlug, introId, articleId } = await liveIssue(fixtures);

  await signInAs(page, await fixtures.user('EDITOR'));
  await page.goto(`/admin/issues/${issueId}/sections/${introId}`);
  await expect(page.getByText('This issue is live. Your changes are saved as a draft and readers keep seeing the published version until you publish the changes, and the sponsor must approve the intro again.')).toBeVisible();

  await page.goto(`/admin/issues/${issueId}/sections/${articleId}`);
  await expect(page.getByText('This issue is live. Your changes are saved as a draft and readers keep seeing the published version until you publish the changes.', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Text' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' A late correction.');
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible({ timeout: 30_000 });

  await page.goto(`/issues/${issueSlug}`);
  await expect(page.getByText('Published partner news.', { exact: true })).toBeVisible();
  await expect(page.getByText('A late correction.')).toHaveCount(0);

  await page.goto(`/admin/issues/${issueId}`);
  await expect(page.getByRole('heading', { name: 'Unpublished changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish changes' }).click();
  await expect(page.getByRole('heading', { name: 'Unpublished changes' })).toHaveCount(0);
  // The panel is gone; the confirmation stays, in the page's status region.
  await expect(page.getByTestId('publish-changes-status')).toHaveText('Changes published: revision 2 is live. Readers see the new version now.');
  await expect(page.getByTestId('publish-changes-status')).toHaveAttribute('role', 'status');

  await page.goto(`/issues/${issueSlug}`);
  await expect(page.getByText('Published partner news. A late correction.')).toBeVisible();
});

test('an intro edited on a live issue: the editor asks the sponsor, who sees what changed since their approval (axe) and approves it', async ({ page, fixtures, makeAxe }) => {
  const { issueId } = await liveIssue(fixtures);
  await fixtures.sql(`UPDATE "Section" SET body = $2 WHERE "issueId" = $1 AND kind = 'INTRO'`, [issueId, JSON.stringify(doc('The revised welcome.'))]);
  const sponsor = await fixtures.user('SPONSOR');

  await signInAs(page, await fixtures.user('EDITOR'));
  await page.goto(`/admin/issues/${issueId}`);
  const panel = page.getByTestId('live-intro-approval');
  await expect(panel).toContainText('The intro was edited after the sponsor approved it');
  await expect(page.getByRole('button', { name: 'Publish changes' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Ask the sponsor to approve' }).click();
  await expect(panel).toContainText('The sponsor was asked to approve the edited intro on');
  const notes = await fixtures.sql(`SELECT title, href FROM "Notification" WHERE "userId" = $1`, [sponsor.id]);
  expect(notes).toEqual([{ title: expect.stringMatching(/^Edited intro ready for your approval/), href: `/admin/issues/${issueId}/approval` }]);

  await page.context().clearCookies();
  await signInAs(page, sponsor);
  await page.goto(`/admin/issues/${issueId}/approval`);
  await expect(page.getByRole('heading', { name: 'What changed since you last approved it' })).toBeVisible();
  const diff = page.getByTestId('changes-since-approval');
  await expect(diff.locator('del').filter({ hasText: 'approved' })).toContainText('removed:');
  await expect(diff.locator('ins').filter({ hasText: 'revised' })).toContainText('added:');
  const violations = (await makeAxe().analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(violations, 'approval page with the diff').toEqual([]);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('The intro is approved', { exact: false })).toBeVisible();
});
