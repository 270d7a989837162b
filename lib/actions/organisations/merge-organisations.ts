'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { mergeOrganisations as mergeOrganisationRecords } from '@/lib/data/organisations';
import { mergeOrganisationsSchema } from '@/lib/validation/organisations';

export const mergeOrganisations = createAction({
  schema: mergeOrganisationsSchema,
  permission: 'organisation:update',
  run: async (input, { user }) => {
    const kept = await mergeOrganisationRecords(user, input);
    revalidatePath('/admin/organisations');
    revalidatePath('/admin/people');
    redirect(`/admin/organisations/${kept.id}?done=merged`);
  },
});
