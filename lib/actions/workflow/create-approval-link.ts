'use server';
import { createAction } from '@/lib/actions/action';
import { ACCESS_LINK_DAYS, createApprovalLink } from '@/lib/data/access-links';
import { createApprovalLinkSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: createApprovalLinkSchema,
  permission: 'issue:update',
  run: async (input, { user }) =>
    asWorkflowAction(input.issueId, async () => {
      const link = await createApprovalLink(user, input);
      return { email: link.email, message: `The approval link was emailed to ${link.sponsorName} (${link.email}). It works for ${ACCESS_LINK_DAYS} days.` };
    }),
});

export async function createApprovalLinkAction(...args: Parameters<typeof action>) {
  return action(...args);
}
