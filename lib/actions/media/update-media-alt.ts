'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateMediaAlt } from '@/lib/data/media';
import { updateMediaAltSchema } from '@/lib/validation/media';

export const updateMediaAltAction = createAction({
  schema: updateMediaAltSchema,
  permission: 'media:update',
  successMessage: 'Alt text saved.',
  run: async (input, { user }) => {
    const media = await updateMediaAlt(user, input);
    revalidatePath('/admin/media');
    return { id: media.id };
  },
});
