'use server';
import { createAction } from '@/lib/actions/action';
import { archiveIssue } from '@/lib/data/workflow';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'issue:publish',
  successMessage: 'The issue was archived: it is off the public site and kept here.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await archiveIssue(user, input)).issue.status),
});

export async function archiveIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
