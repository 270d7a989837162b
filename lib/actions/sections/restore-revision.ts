'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { restoreRevision } from '@/lib/data/revisions';
import { revalidatePublicContent } from '@/lib/revalidate';
import { restoreRevisionSchema } from '@/lib/validation/sections';

const action = createAction({
  schema: restoreRevisionSchema,
  permission: 'revision:restore',
  run: async (input, { user }) => {
    const result = await restoreRevision(user, input.revisionId);
    if (result.issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [result.issue.slug] });
    redirect(`/admin/issues/${result.issue.id}/sections/${result.sectionId}/revisions?restored=${result.version}`);
  },
});

export async function restoreRevisionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
