'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { publicContentNaming } from '@/lib/data/public-pages';
import { updateOrganisation as updateOrganisationRecord } from '@/lib/data/organisations';
import { revalidateNamingPages } from '@/lib/revalidate';
import { updateOrganisationSchema } from '@/lib/validation/organisations';

export const updateOrganisation = createAction({
  schema: updateOrganisationSchema,
  permission: 'organisation:update',
  successMessage: 'Changes saved.',
  run: async (input, { user }) => {
    const named = await publicContentNaming({ organisationIds: [input.id] });
    const organisation = await updateOrganisationRecord(user, input);
    void revalidateNamingPages(named);
    revalidatePath('/admin/organisations');
    revalidatePath(`/admin/organisations/${organisation.id}`);
    return organisation;
  },
});
