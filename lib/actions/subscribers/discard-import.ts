'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { discardSubscriberImport } from '@/lib/data/subscriber-imports';
import { discardSubscriberImportSchema } from '@/lib/validation/subscriber-import';

export const discardSubscriberImportAction = createAction({
  schema: discardSubscriberImportSchema,
  permission: 'subscriber:import',
  run: async ({ id }, { user }) => {
    await discardSubscriberImport(user, id);
    redirect('/admin/subscribers/import?done=discarded');
  },
});
