'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { uploadMedia } from '@/lib/data/media';
import { uploadMediaSchema } from '@/lib/validation/media';

/**
 * Upload form → media library. The schema checks alt text / "decorative" strictly
 * and that a file was chosen; lib/media/process.ts then decides by the file's
 * content whether it is an acceptable image.
 */
export const uploadMediaAction = createAction({
  schema: uploadMediaSchema,
  permission: 'media:create',
  successMessage: 'Image uploaded.',
  run: async (input, { user }) => {
    const media = await uploadMedia(user, { file: input.file, alt: input.alt, decorative: input.decorative });
    revalidatePath('/admin/media');
    return { id: media.id, fileName: media.fileName };
  },
});
