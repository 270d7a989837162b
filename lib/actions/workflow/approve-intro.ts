'use server';
import { createAction } from '@/lib/actions/action';
import { approveIntro } from '@/lib/data/workflow';
import { approveIntroSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: approveIntroSchema,
  permission: 'intro:approve',
  successMessage: 'You approved the intro. The editor has been told.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await approveIntro(user, input)).issue.status),
});

export async function approveIntroAction(...args: Parameters<typeof action>) {
  return action(...args);
}
