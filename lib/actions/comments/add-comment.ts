'use server';
import { createAction } from '@/lib/actions/action';
import { addComment } from '@/lib/data/comments';
import { addCommentSchema } from '@/lib/validation/comments';
import { revalidateCommentPages } from './revalidate-comments';

const action = createAction({
  schema: addCommentSchema,
  permission: 'comment:create',
  run: async (input, { user }) => {
    const result = await addComment(user, input);
    revalidateCommentPages(result.href);
    return { id: result.id, href: result.href, mentioned: result.mentioned.length };
  },
  successMessage: 'Comment added.',
});

export async function addCommentAction(...args: Parameters<typeof action>) {
  return action(...args);
}
