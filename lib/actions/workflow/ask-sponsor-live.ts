'use server';
import { createAction } from '@/lib/actions/action';
import { askSponsorToApproveLiveIntro } from '@/lib/data/pending-changes';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'intro:update',
  successMessage: 'The sponsor was asked to approve the edited intro.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await askSponsorToApproveLiveIntro(user, input)).issue.status),
});

export async function askSponsorLiveAction(...args: Parameters<typeof action>) {
  return action(...args);
}
