'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { changeUserRole as changeUserRoleRecord } from '@/lib/data/users';
import { changeUserRoleSchema } from '@/lib/validation/users';

export const changeUserRole = createAction({
  schema: changeUserRoleSchema,
  permission: 'user:update',
  successMessage: 'Role saved. The user has been signed out everywhere and must sign in again.',
  run: async (input, { user }) => {
    await changeUserRoleRecord(user, input);
    revalidatePath('/admin/users');
    revalidatePath(`/admin/users/${input.id}`);
  },
});
