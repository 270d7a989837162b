'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { duplicateIssue } from '@/lib/data/issues-admin';
import { duplicateIssueSchema } from '@/lib/validation/issues';

const action = createAction({
  schema: duplicateIssueSchema,
  permission: 'issue:create',
  run: async (input, { user }) => {
    const issue = await duplicateIssue(user, input);
    redirect(`/admin/issues/${issue.id}?created=1`);
  },
});

export async function duplicateIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
