import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { axeFor, expect, signInAs, test } from './support/fixtures';

// Review comments and notifications: an editor leaves a blocking comment on the
// intro mentioning the sponsor; the sponsor sees the unread count, opens the
// notification, lands on the comment, replies and resolves it; the editor's badge
// goes away. axe on the notification list and on the section page with comments.

async function checkAxe(makeAxe: () => { analyze: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> }, where: string) {
  const violations = (await makeAxe().analyze()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  expect(violations, where).toEqual([]);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Admin' });

test('a blocking comment with a mention: notification, reply, resolve, badge', async ({ page, browser, fixtures, makeAxe }) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 6);
  const editor = await fixtures.user('EDITOR');
  const sponsor = await fixtures.user('SPONSOR');
  const editorName = `Editor ${tag}`;
  const sponsorName = `Sponsor ${tag}`;
  await fixtures.sql(`UPDATE "User" SET name = $2 WHERE id = $1`, [editor.id, editorName]);
  await fixtures.sql(`UPDATE "User" SET name = $2 WHERE id = $1`, [sponsor.id, sponsorName]);
  const { issueSlug } = await fixtures.publishedIssueWithEvents([], { status: 'DRAFT' });
  const [issue] = await fixtures.sql(`SELECT id FROM "Issue" WHERE slug = $1`, [issueSlug]);
  const [intro] = await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt")
     VALUES ($1, 1, 'INTRO', 'From our sponsor', $2, now()) RETURNING id`,
    [issue.id, JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome to the issue.' }] }] })],
  );
  const [eventList] = await fixtures.sql(`SELECT id FROM "Section" WHERE "issueId" = $1 AND kind = 'EVENT_LIST'`, [issue.id]);
  const sectionUrl = `/admin/issues/${issue.id}/sections/${intro.id}`;

  // The editor comments on the intro, blocking, mentioning the sponsor.
  await signInAs(page, editor);
  await page.goto(sectionUrl);
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments.getByText('No comments yet.')).toBeVisible();
  // A failed submit explains itself and keeps nothing from being lost.
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(comments.getByText('Error: Enter a comment')).toBeVisible();
  await comments.getByLabel('New comment').fill(`@${sponsorName} please check the dates in the second paragraph.`);
  await comments.getByLabel('Blocking: must be resolved before publishing').check();
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('status').filter({ hasText: 'Comment added. The people you mentioned have been notified.' })).toBeVisible();
  const thread = comments.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Comment from ${editorName}` }) });
  await expect(thread).toContainText('Blocking');
  await expect(comments.getByLabel('New comment')).toHaveValue('');

  await page.goto(`/admin/issues/${issue.id}`);
  await expect(page.getByRole('link', { name: '1 unresolved comment, 1 blocking on “From our sponsor”' })).toBeVisible();

  // The sponsor sees one unread notification and opens it.
  const sponsorContext = await browser.newContext();
  const sp = await sponsorContext.newPage();
  const sponsorAxe = () => axeFor(sp);
  await signInAs(sp, sponsor);
  await sp.goto('/admin');
  await nav(sp).getByRole('link', { name: 'Notifications, 1 unread' }).click();
  await expect(sp.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(sp.getByText('You have 1 unread notification.')).toBeVisible();
  await checkAxe(sponsorAxe, 'notifications');
  await sp.getByRole('button', { name: `${editorName} mentioned you on “From our sponsor”` }).click();
  await sp.waitForURL((url) => url.pathname === sectionUrl && url.hash.startsWith('#comment-'));
  const anchor = new URL(sp.url()).hash;
  await expect(sp.locator(anchor)).toContainText('please check the dates');
  await expect(nav(sp).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // Reply, then resolve.
  await sp.locator(anchor).locator('summary').click();
  await sp.locator(anchor).getByRole('textbox', { name: 'Reply' }).fill('Dates fixed; thanks.');
  await sp.locator(anchor).getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(sp.locator(anchor).getByRole('list', { name: /Replies to/ })).toContainText('Dates fixed; thanks.');
  await sp.locator(anchor).getByRole('button', { name: /^Resolve/ }).click();
  await expect(sp.locator(anchor).getByRole('status').filter({ hasText: 'Comment resolved.' })).toBeVisible();
  await expect(sp.locator(anchor)).toContainText(`Resolved by ${sponsorName}`);
  await expect(sp.locator(anchor).getByRole('button', { name: /^Reopen/ })).toBeVisible();
  await checkAxe(sponsorAxe, 'section page with comments');

  // On a section the sponsor may only read, the comments are there too.
  await sp.goto(`/admin/issues/${issue.id}/sections/${eventList.id}`);
  await expect(sp.getByText('You can read this section but not edit it.')).toBeVisible();
  await expect(sp.getByRole('heading', { name: 'Comments' })).toBeVisible();
  await expect(sp.getByLabel('New comment')).toBeVisible();
  await sponsorContext.close();

  // The editor's badge is gone, and the sponsor's reply is in the editor's notifications.
  await page.goto(`/admin/issues/${issue.id}`);
  await expect(page.getByRole('heading', { name: 'Sections' })).toBeVisible();
  await expect(page.getByTestId('comment-badge')).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Notifications, 1 unread' }).click();
  await expect(page.getByRole('button', { name: `${sponsorName} commented on “From our sponsor”` })).toBeVisible();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByText('All notifications are marked as read.')).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await checkAxe(makeAxe, 'notifications, all read');
});

test('without JavaScript: opening a notification marks it read and lands on the comment; replying and marking all read still work', async ({ page, browser, fixtures }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const editor = await fixtures.user('EDITOR');
  const sponsor = await fixtures.user('SPONSOR');
  const { issueSlug } = await fixtures.publishedIssueWithEvents([], { status: 'DRAFT' });
  const [issue] = await fixtures.sql(`SELECT id FROM "Issue" WHERE slug = $1`, [issueSlug]);
  const [intro] = await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, 1, 'INTRO', 'From our sponsor', $2, now()) RETURNING id`,
    [issue.id, JSON.stringify({ type: 'doc', content: [] })],
  );
  const [comment] = await fixtures.sql(
    `INSERT INTO "Comment" ("sectionId", "authorId", body, blocking, "updatedAt") VALUES ($1, $2, $3, true, now()) RETURNING id`,
    [intro.id, editor.id, `Please look at the sign-off ${tag}.`],
  );
  const href = `/admin/issues/${issue.id}/sections/${intro.id}#comment-${comment.id}`;
  const [note] = await fixtures.sql(
    `INSERT INTO "Notification" ("userId", kind, title, href) VALUES ($1, 'MENTION', $2, $3) RETURNING id`,
    [sponsor.id, `Mentioned ${tag}`, href],
  );
  await fixtures.sql(`INSERT INTO "Notification" ("userId", kind, title, href) VALUES ($1, 'COMMENT', $2, '/admin')`, [sponsor.id, `Other ${tag}`]);

  await signInAs(page, sponsor);
  const noJs = await browser.newContext({ storageState: await page.context().storageState(), javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto('/admin/notifications');
  await expect(nav(p).getByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible();
  await p.getByRole('button', { name: `Mentioned ${tag}` }).click();
  await p.waitForURL((url) => url.pathname === `/admin/issues/${issue.id}/sections/${intro.id}`);
  expect(new URL(p.url()).hash).toBe(`#comment-${comment.id}`);
  await expect(p.locator(`#comment-${comment.id}`)).toContainText(`Please look at the sign-off ${tag}.`);
  const [read] = await fixtures.sql(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [note.id]);
  expect(read.readAt).not.toBeNull();

  const thread = p.locator(`#comment-${comment.id}`);
  await thread.locator('summary').click();
  await thread.getByRole('textbox', { name: 'Reply' }).fill(`Done ${tag}.`);
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(p.locator(`#comment-${comment.id}`)).toContainText(`Done ${tag}.`);

  await p.goto('/admin/notifications');
  await p.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(p.getByText('All notifications are marked as read.')).toBeVisible();
  await expect(nav(p).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await noJs.close();
});

test('a contributor reads and answers comments on their own submission, but cannot resolve or block', async ({ page, fixtures, makeAxe }) => {
  test.setTimeout(90_000);
  const tag = randomUUID().slice(0, 6);
  const contributor = await fixtures.user('CONTRIBUTOR', { organisationSlug: 'the-staff-college' });
  const editor = await fixtures.user('EDITOR');
  const [org] = await fixtures.sql(`SELECT id FROM "Organisation" WHERE slug = 'the-staff-college'`);
  const [c] = await fixtures.sql(
    `INSERT INTO "Contribution" (kind, title, body, "organisationId", "submittedById", "updatedAt") VALUES ('ARTICLE', $1, $2, $3, $4, now()) RETURNING id`,
    [`Our hub ${tag}`, JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We opened a hub.' }] }] }), org.id, contributor.id],
  );
  const [comment] = await fixtures.sql(
    `INSERT INTO "Comment" ("contributionId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
    [c.id, editor.id, `Could you add the opening date? ${tag}`],
  );

  await signInAs(page, contributor);
  await page.goto(`/admin/contributions/${c.id}`);
  const thread = page.locator(`#comment-${comment.id}`);
  await expect(thread).toContainText(`Could you add the opening date? ${tag}`);
  await expect(page.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
  await expect(page.getByLabel('Blocking: must be resolved before publishing')).toHaveCount(0);
  await thread.locator('summary').click();
  await thread.getByRole('textbox', { name: 'Reply' }).fill(`It opens on 3 March. ${tag}`);
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(thread.getByRole('status').filter({ hasText: 'Reply added.' })).toBeVisible();
  await expect(thread.getByRole('list', { name: /Replies to/ })).toContainText(`It opens on 3 March. ${tag}`);
  await checkAxe(makeAxe, 'submission with comments');
  const [n] = await fixtures.sql(`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = $1 AND kind = 'COMMENT'`, [editor.id]);
  expect(n.n).toBe(1);
});
