'use server';
import { createAction } from '@/lib/actions/action';
import { publishChanges } from '@/lib/data/pending-changes';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'issue:publish',
  successMessage: 'The changes are published. Readers see the new version now.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await publishChanges(user, input)).issue.status),
});

export async function publishChangesAction(...args: Parameters<typeof action>) {
  return action(...args);
}
