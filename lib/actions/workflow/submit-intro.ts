'use server';
import { createAction } from '@/lib/actions/action';
import { submitIntroForApproval } from '@/lib/data/workflow';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'intro:update',
  successMessage: 'The intro was submitted for the sponsor’s approval.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await submitIntroForApproval(user, input)).issue.status),
});

export async function submitIntroAction(...args: Parameters<typeof action>) {
  return action(...args);
}
