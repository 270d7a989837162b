'use server';
import { createAction } from '@/lib/actions/action';
import { resolveComment } from '@/lib/data/comments';
import { resolveCommentSchema } from '@/lib/validation/comments';
import { revalidateCommentPages } from './revalidate-comments';

const action = createAction({
  schema: resolveCommentSchema,
  permission: 'comment:resolve',
  run: async (input, { user }) => {
    const result = await resolveComment(user, input.id);
    revalidateCommentPages();
    return result;
  },
  successMessage: 'Comment resolved.',
});

export async function resolveCommentAction(...args: Parameters<typeof action>) {
  return action(...args);
}
