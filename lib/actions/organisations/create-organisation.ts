'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createOrganisation as createOrganisationRecord } from '@/lib/data/organisations';
import { createOrganisationSchema } from '@/lib/validation/organisations';

export const createOrganisation = createAction({
  schema: createOrganisationSchema,
  permission: 'organisation:create',
  run: async (input, { user }) => {
    const organisation = await createOrganisationRecord(user, input);
    revalidatePath('/admin/organisations');
    redirect(`/admin/organisations/${organisation.id}?done=created`);
  },
});
