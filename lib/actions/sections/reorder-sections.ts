'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { moveSection } from '@/lib/data/sections';
import { revalidatePublicContent } from '@/lib/revalidate';
import { reorderSectionSchema } from '@/lib/validation/sections';

const action = createAction({
  schema: reorderSectionSchema,
  permission: 'section:reorder',
  run: async (input, { user }) => {
    const result = await moveSection(user, input);
    if (result.moved && result.issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [result.issue.slug] });
    revalidatePath('/admin/issues', 'layout');
    return { moved: result.moved, message: result.moved ? `Moved “${result.title}” ${input.direction}.` : `“${result.title}” is already at the ${input.direction === 'up' ? 'top' : 'bottom'}.` };
  },
});

export async function reorderSectionsAction(...args: Parameters<typeof action>) {
  return action(...args);
}
