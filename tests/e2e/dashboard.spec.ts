import { randomUUID } from 'node:crypto';
import { expect, signInAs, test } from './support/fixtures';

// The dashboard is where work starts: every task and unfinished issue is a link to
// where it is done, and "Recent activity" reads as words with GOV.UK dates,
// without the sign-ins (those stay in the audit log).

const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome.' }] }] });

test('an editor’s tasks and draft issues are links, and recent activity is in words without sign-ins', async ({ page, fixtures }) => {
  const editor = await fixtures.user('EDITOR');
  const tag = randomUUID().slice(0, 8);
  const title = `E2E dashboard ${tag}`;
  const [issue] = (await fixtures.sql(
    `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-06-01', 'DRAFT', now()) RETURNING id`,
    [`e2e-dashboard-${tag}`, title],
  )) as { id: string }[];
  // Dated a minute ahead, so entries written by specs running alongside do not push it off the list.
  const [entry] = (await fixtures.sql(
    `INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", "createdAt")
     VALUES ($1, 'section.update', 'Section', $2, now() + interval '1 minute') RETURNING id`,
    [editor.id, randomUUID()],
  )) as { id: string }[];
  try {
    await signInAs(page, editor);
    await page.goto('/admin');
    const tasks = page.getByRole('region', { name: 'My tasks' });
    await expect(tasks.getByRole('link', { name: `Finish ${title} (draft)` })).toHaveAttribute('href', `/admin/issues/${issue!.id}`);
    const drafts = page.getByRole('region', { name: /^Drafts/ });
    await expect(drafts.getByRole('link', { name: title })).toHaveAttribute('href', `/admin/issues/${issue!.id}`);

    const activity = page.getByRole('region', { name: 'Recent activity' }).getByRole('table');
    const row = activity.locator('tbody tr').first();
    await expect(row).toContainText('Edited a section');
    await expect(row).toContainText('Fixture editor');
    await expect(row.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d\d)?(am|pm)$/);
    // This sign-in is in the audit log, not here.
    await expect(activity).not.toContainText('Signed in');
    await expect(activity).not.toContainText('auth.sign-in');
    await expect(activity).not.toContainText(' – ');
  } finally {
    await fixtures.sql(`DELETE FROM "AuditLog" WHERE id = $1`, [entry!.id]);
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issue!.id]);
  }
});

test('the sponsor’s “Approve the intro” task leads to the approval page, which links to the intro editor', async ({ page, fixtures }) => {
  const sponsor = await fixtures.user('SPONSOR');
  const tag = randomUUID().slice(0, 8);
  const title = `E2E sponsor task ${tag}`;
  const [issue] = (await fixtures.sql(
    `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2001-07-01', 'IN_REVIEW', now()) RETURNING id`,
    [`e2e-sponsor-task-${tag}`, title],
  )) as { id: string }[];
  const [intro] = (await fixtures.sql(
    `INSERT INTO "Section" ("issueId", position, kind, title, body, "approvalRequestedAt", "updatedAt")
     VALUES ($1, 0, 'INTRO', 'From our sponsor', $2, now(), now()) RETURNING id`,
    [issue!.id, doc],
  )) as { id: string }[];
  try {
    await signInAs(page, sponsor);
    await page.goto('/admin');
    await page.getByRole('region', { name: 'My tasks' }).getByRole('link', { name: `Approve the intro of ${title}` }).click();
    await page.waitForURL(`**/admin/issues/${issue!.id}/approval`);
    await page.getByRole('link', { name: 'Edit the intro' }).click();
    await page.waitForURL(`**/admin/issues/${issue!.id}/sections/${intro!.id}`);
    await expect(page.getByRole('textbox', { name: 'Text' })).toHaveText('Welcome.');
  } finally {
    await fixtures.sql(`DELETE FROM "Issue" WHERE id = $1`, [issue!.id]);
  }
});
