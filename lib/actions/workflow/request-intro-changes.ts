'use server';
import { createAction } from '@/lib/actions/action';
import { requestIntroChanges } from '@/lib/data/workflow';
import { requestIntroChangesSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: requestIntroChangesSchema,
  permission: 'intro:approve',
  successMessage: 'Your comment was sent and the intro went back to the editor.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await requestIntroChanges(user, input)).issue.status),
});

export async function requestIntroChangesAction(...args: Parameters<typeof action>) {
  return action(...args);
}
