'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { mergePeople as mergePeopleRecords } from '@/lib/data/people';
import { mergePeopleSchema } from '@/lib/validation/people';

export const mergePeople = createAction({
  schema: mergePeopleSchema,
  permission: 'person:update',
  run: async (input, { user }) => {
    const kept = await mergePeopleRecords(user, input);
    revalidatePath('/admin/people');
    redirect(`/admin/people/${kept.id}?done=merged`);
  },
});
