'use server';
import { createAction } from '@/lib/actions/action';
import { revokeAccessLink } from '@/lib/data/access-links';
import { revokeAccessLinkSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: revokeAccessLinkSchema,
  permission: 'issue:update',
  successMessage: 'The link was revoked: it no longer works.',
  run: async (input, { user }) => asWorkflowAction(input.issueId, async () => (await revokeAccessLink(user, input)).id),
});

export async function revokeAccessLinkAction(...args: Parameters<typeof action>) {
  return action(...args);
}
