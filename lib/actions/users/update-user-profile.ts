'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateUserProfile as updateUserProfileRecord } from '@/lib/data/users';
import { updateUserProfileSchema } from '@/lib/validation/users';

export const updateUserProfile = createAction({
  schema: updateUserProfileSchema,
  permission: 'user:update',
  successMessage: 'Changes saved.',
  run: async (input, { user }) => {
    await updateUserProfileRecord(user, input);
    revalidatePath('/admin/users');
    revalidatePath(`/admin/users/${input.id}`);
  },
});
