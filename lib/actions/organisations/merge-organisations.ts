'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { publicContentNaming } from '@/lib/data/public-pages';
import { mergeOrganisations as mergeOrganisationRecords } from '@/lib/data/organisations';
import { revalidateNamingPages } from '@/lib/revalidate';
import { mergeOrganisationsSchema } from '@/lib/validation/organisations';

export const mergeOrganisations = createAction({
  schema: mergeOrganisationsSchema,
  permission: 'organisation:update',
  run: async (input, { user }) => {
    const named = await publicContentNaming({ organisationIds: [input.sourceId, input.targetId] });
    const kept = await mergeOrganisationRecords(user, input);
    void revalidateNamingPages(named);
    revalidatePath('/admin/organisations');
    revalidatePath('/admin/people');
    redirect(`/admin/organisations/${kept.id}?done=merged`);
  },
});
