'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { addSection } from '@/lib/data/sections';
import { revalidatePublicContent } from '@/lib/revalidate';
import { addSectionSchema } from '@/lib/validation/sections';

const action = createAction({
  schema: addSectionSchema,
  permission: 'section:create',
  successMessage: 'Section added.',
  run: async (input, { user }) => {
    const section = await addSection(user, input);
    if (section.issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [section.issue.slug] });
    revalidatePath(`/admin/issues/${input.issueId}`);
    return { id: section.id };
  },
});

export async function addSectionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
