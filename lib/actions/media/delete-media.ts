'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { deleteMedia } from '@/lib/data/media';
import { deleteMediaSchema } from '@/lib/validation/media';

export const deleteMediaAction = createAction({
  schema: deleteMediaSchema,
  permission: 'media:delete',
  successMessage: 'Image deleted.',
  run: async (input, { user }) => {
    const result = await deleteMedia(user, input.id);
    revalidatePath('/admin/media');
    return result;
  },
});
