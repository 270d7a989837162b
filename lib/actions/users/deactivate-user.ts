'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { deactivateUser as deactivateUserRecord } from '@/lib/data/users';
import { userIdSchema } from '@/lib/validation/users';

export const deactivateUser = createAction({
  schema: userIdSchema,
  permission: 'user:update',
  successMessage: 'Account deactivated. The user has been signed out and can no longer sign in.',
  run: async (input, { user }) => {
    await deactivateUserRecord(user, input.id);
    revalidatePath('/admin/users');
    revalidatePath(`/admin/users/${input.id}`);
  },
});
