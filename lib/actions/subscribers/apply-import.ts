'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { applySubscriberImport } from '@/lib/data/subscriber-imports';
import { applySubscriberImportSchema } from '@/lib/validation/subscriber-import';

/** Step 2: the previewed rows become confirmed subscribers (no public page shows subscribers). */
export const applySubscriberImportAction = createAction({
  schema: applySubscriberImportSchema,
  permission: 'subscriber:import',
  run: async ({ id }, { user }) => {
    await applySubscriberImport(user, id);
    revalidatePath('/admin/subscribers');
    redirect(`/admin/subscribers/import/${id}?done=added`);
  },
});
