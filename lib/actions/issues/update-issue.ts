'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateIssue } from '@/lib/data/issues-admin';
import { revalidatePublicContent } from '@/lib/revalidate';
import { updateIssueSchema } from '@/lib/validation/issues';

/**
 * Title, slug, month and summary of an issue, with optimistic concurrency: a stale
 * `version` is a 409 whose data holds the current details. A published issue's
 * pages (under the old and the new slug) are regenerated.
 */
const action = createAction({
  schema: updateIssueSchema,
  permission: 'issue:update',
  successMessage: 'Issue details saved.',
  run: async (input, { user }) => {
    const result = await updateIssue(user, input);
    if (result.status === 'PUBLISHED') {
      revalidatePublicContent({ issueSlugs: [...new Set([result.previousSlug, result.slug])] });
    }
    revalidatePath(`/admin/issues/${result.id}`);
    return { version: result.version };
  },
});

export async function updateIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
