'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { reactivateUser as reactivateUserRecord } from '@/lib/data/users';
import { userIdSchema } from '@/lib/validation/users';

export const reactivateUser = createAction({
  schema: userIdSchema,
  permission: 'user:update',
  successMessage: 'Account reactivated. The user can sign in again.',
  run: async (input, { user }) => {
    await reactivateUserRecord(user, input.id);
    revalidatePath('/admin/users');
    revalidatePath(`/admin/users/${input.id}`);
  },
});
