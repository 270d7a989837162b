'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateOrganisation as updateOrganisationRecord } from '@/lib/data/organisations';
import { updateOrganisationSchema } from '@/lib/validation/organisations';

export const updateOrganisation = createAction({
  schema: updateOrganisationSchema,
  permission: 'organisation:update',
  successMessage: 'Changes saved.',
  run: async (input, { user }) => {
    const organisation = await updateOrganisationRecord(user, input);
    revalidatePath('/admin/organisations');
    revalidatePath(`/admin/organisations/${organisation.id}`);
    return organisation;
  },
});
