'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { declineContribution } from '@/lib/data/contributions';
import { declineContributionSchema } from '@/lib/validation/contributions';

const action = createAction({
  schema: declineContributionSchema,
  permission: 'contribution:review',
  run: async (input, { user }) => {
    const row = await declineContribution(user, input);
    revalidatePath('/admin/contributions');
    redirect(`/admin/contributions/${row.id}?done=declined`);
  },
});

export async function declineContributionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
