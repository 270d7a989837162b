'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { acceptContribution } from '@/lib/data/contributions-accept';
import { acceptContributionSchema } from '@/lib/validation/contributions';

// Accepting only adds to issues that are not published, so no public page changes.
const action = createAction({
  schema: acceptContributionSchema,
  permission: 'contribution:review',
  run: async (input, { user }) => {
    const row = await acceptContribution(user, input);
    revalidatePath('/admin/contributions');
    revalidatePath(`/admin/issues/${row.issueId}`);
    redirect(`/admin/contributions/${row.id}?done=accepted`);
  },
});

export async function acceptContributionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
