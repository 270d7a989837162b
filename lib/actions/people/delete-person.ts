'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { deletePerson as deletePersonRecord } from '@/lib/data/people';
import { deletePersonSchema } from '@/lib/validation/people';

export const deletePerson = createAction({
  schema: deletePersonSchema,
  permission: 'person:delete',
  run: async (input, { user }) => {
    await deletePersonRecord(user, input.id);
    revalidatePath('/admin/people');
    redirect('/admin/people?done=deleted');
  },
});
