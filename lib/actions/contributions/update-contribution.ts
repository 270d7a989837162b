'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateContribution } from '@/lib/data/contributions';
import { updateContributionSchema } from '@/lib/validation/contributions';

/** The contributor edits their own submission while it is still submitted; a stale version is a 409. */
const action = createAction({
  schema: updateContributionSchema,
  permission: 'contribution:update',
  successMessage: 'Your changes have been saved.',
  run: async (input, { user }) => {
    const row = await updateContribution(user, input);
    revalidatePath('/admin/contributions');
    revalidatePath(`/admin/contributions/${row.id}`);
    return { version: row.version };
  },
});

export async function updateContributionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
