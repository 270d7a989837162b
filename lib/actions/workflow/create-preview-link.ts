'use server';
import { createAction } from '@/lib/actions/action';
import { createPreviewLink } from '@/lib/data/access-links';
import { createPreviewLinkSchema } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: createPreviewLinkSchema,
  permission: 'issue:update',
  run: async (input, { user }) =>
    asWorkflowAction(input.issueId, async () => {
      const link = await createPreviewLink(user, input);
      return { url: link.url, expiresAt: link.expiresAt.toISOString() };
    }),
});

export async function createPreviewLinkAction(...args: Parameters<typeof action>) {
  return action(...args);
}
