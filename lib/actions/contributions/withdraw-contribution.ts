'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { withdrawContribution } from '@/lib/data/contributions';
import { withdrawContributionSchema } from '@/lib/validation/contributions';

const action = createAction({
  schema: withdrawContributionSchema,
  permission: 'contribution:update',
  run: async (input, { user }) => {
    const row = await withdrawContribution(user, input);
    revalidatePath('/admin/contributions');
    redirect(`/admin/contributions/${row.id}?done=withdrawn`);
  },
});

export async function withdrawContributionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
