'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createPerson as createPersonRecord } from '@/lib/data/people';
import { createPersonSchema } from '@/lib/validation/people';

export const createPerson = createAction({
  schema: createPersonSchema,
  permission: 'person:create',
  run: async (input, { user }) => {
    const person = await createPersonRecord(user, input);
    revalidatePath('/admin/people');
    redirect(`/admin/people/${person.id}?done=created`);
  },
});
