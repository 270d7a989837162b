'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { deleteSection } from '@/lib/data/sections';
import { revalidatePublicContent } from '@/lib/revalidate';
import { deleteSectionSchema } from '@/lib/validation/sections';

const action = createAction({
  schema: deleteSectionSchema,
  permission: 'section:delete',
  run: async (input, { user }) => {
    const result = await deleteSection(user, input.sectionId);
    if (result.issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [result.issue.slug] });
    redirect(`/admin/issues/${result.issueId}?deleted=${encodeURIComponent(result.title)}`);
  },
});

export async function deleteSectionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
