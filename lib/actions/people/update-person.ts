'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { publicContentNaming } from '@/lib/data/public-pages';
import { updatePerson as updatePersonRecord } from '@/lib/data/people';
import { revalidateNamingPages } from '@/lib/revalidate';
import { updatePersonSchema } from '@/lib/validation/people';

export const updatePerson = createAction({
  schema: updatePersonSchema,
  permission: 'person:update',
  successMessage: 'Changes saved.',
  run: async (input, { user }) => {
    const named = await publicContentNaming({ personIds: [input.id] });
    const person = await updatePersonRecord(user, input);
    void revalidateNamingPages(named);
    revalidatePath('/admin/people');
    revalidatePath(`/admin/people/${person.id}`);
    return person;
  },
});
