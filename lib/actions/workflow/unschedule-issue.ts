'use server';
import { createAction } from '@/lib/actions/action';
import { unscheduleIssue } from '@/lib/data/workflow';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'issue:publish',
  successMessage: 'The schedule was cancelled. The issue is approved and will not be published until you schedule or publish it.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await unscheduleIssue(user, input)).issue.status),
});

export async function unscheduleIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
