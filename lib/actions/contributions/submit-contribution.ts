'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { submitContribution } from '@/lib/data/contributions';
import { submitContributionSchema } from '@/lib/validation/contributions';

const action = createAction({
  schema: submitContributionSchema,
  permission: 'contribution:create',
  run: async (input, { user }) => {
    const row = await submitContribution(user, input);
    revalidatePath('/admin/contributions');
    redirect(`/admin/contributions/${row.id}?done=submitted`);
  },
});

export async function submitContributionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
