'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createIssue, duplicateIssue } from '@/lib/data/issues-admin';
import { createIssueSchema } from '@/lib/validation/issues';

/** New issue from the template, or — when a source issue is chosen — a copy of it. */
const action = createAction({
  schema: createIssueSchema,
  permission: 'issue:create',
  run: async (input, { user }) => {
    const { sourceIssueId, ...rest } = input;
    const issue = await (sourceIssueId ? duplicateIssue(user, { ...rest, sourceIssueId }) : createIssue(user, rest));
    redirect(`/admin/issues/${issue.id}?created=1`);
  },
});

export async function createIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
