'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { publicContentNaming } from '@/lib/data/public-pages';
import { deletePerson as deletePersonRecord } from '@/lib/data/people';
import { revalidateNamingPages } from '@/lib/revalidate';
import { deletePersonSchema } from '@/lib/validation/people';

export const deletePerson = createAction({
  schema: deletePersonSchema,
  permission: 'person:delete',
  run: async (input, { user }) => {
    const named = await publicContentNaming({ personIds: [input.id] });
    await deletePersonRecord(user, input.id);
    void revalidateNamingPages(named);
    revalidatePath('/admin/people');
    redirect('/admin/people?done=deleted');
  },
});
