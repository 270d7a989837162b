'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updatePerson as updatePersonRecord } from '@/lib/data/people';
import { updatePersonSchema } from '@/lib/validation/people';

export const updatePerson = createAction({
  schema: updatePersonSchema,
  permission: 'person:update',
  successMessage: 'Changes saved.',
  run: async (input, { user }) => {
    const person = await updatePersonRecord(user, input);
    revalidatePath('/admin/people');
    revalidatePath(`/admin/people/${person.id}`);
    return person;
  },
});
