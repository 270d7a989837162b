'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { publicContentNaming } from '@/lib/data/public-pages';
import { mergePeople as mergePeopleRecords } from '@/lib/data/people';
import { revalidateNamingPages } from '@/lib/revalidate';
import { mergePeopleSchema } from '@/lib/validation/people';

export const mergePeople = createAction({
  schema: mergePeopleSchema,
  permission: 'person:update',
  run: async (input, { user }) => {
    const named = await publicContentNaming({ personIds: [input.sourceId, input.targetId] });
    const kept = await mergePeopleRecords(user, input);
    void revalidateNamingPages(named);
    revalidatePath('/admin/people');
    redirect(`/admin/people/${kept.id}?done=merged`);
  },
});
