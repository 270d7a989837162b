'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createSubscriberImport } from '@/lib/data/subscriber-imports';
import { allowedDomains } from '@/lib/subscriptions/domains';
import { decodeCsv, readSubscriberCsv } from '@/lib/subscriptions/import-csv';
import { previewSubscriberImportSchema } from '@/lib/validation/subscriber-import';

/** Step 1: the CSV is read and every row checked; the preview page then shows what would be added. */
export const previewSubscriberImport = createAction({
  schema: previewSubscriberImportSchema,
  permission: 'subscriber:import',
  run: async ({ file }, { user }) => {
    const read = readSubscriberCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())), allowedDomains());
    const { id } = await createSubscriberImport(user, file.name, read);
    redirect(`/admin/subscribers/import/${id}`);
  },
});
