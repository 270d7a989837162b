'use server';
import { createAction } from '@/lib/actions/action';
import { reopenComment } from '@/lib/data/comments';
import { reopenCommentSchema } from '@/lib/validation/comments';
import { revalidateCommentPages } from './revalidate-comments';

const action = createAction({
  schema: reopenCommentSchema,
  permission: 'comment:resolve',
  run: async (input, { user }) => {
    const result = await reopenComment(user, input.id);
    revalidateCommentPages();
    return result;
  },
  successMessage: 'Comment reopened.',
});

export async function reopenCommentAction(...args: Parameters<typeof action>) {
  return action(...args);
}
