'use server';
import { createAction } from '@/lib/actions/action';
import { unpublishIssue } from '@/lib/data/workflow';
import { unpublishIssueSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: unpublishIssueSchema,
  permission: 'issue:publish',
  successMessage: 'The issue was unpublished and is a draft again. Its history is kept.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await unpublishIssue(user, { issueId: input.issueId })).issue.status),
});

export async function unpublishIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
