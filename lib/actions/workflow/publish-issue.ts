'use server';
import { createAction } from '@/lib/actions/action';
import { publishIssue } from '@/lib/data/workflow';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'issue:publish',
  successMessage: 'The issue is published. Readers can see it now.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await publishIssue(user, input)).issue.status),
});

export async function publishIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
