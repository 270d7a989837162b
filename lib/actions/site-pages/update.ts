'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { updateSitePage } from '@/lib/data/site-pages';
import { revalidateSitePage } from '@/lib/revalidate';
import { SITE_PAGE_PATH, updateSitePageSchema } from '@/lib/validation/site-pages';

/** Saves the accessibility statement or the privacy notice; readers see it at once. */
export const updateSitePageAction = createAction({
  schema: updateSitePageSchema,
  permission: 'site-page:update',
  successMessage: 'Changes saved and published.',
  run: async (input, { user }) => {
    const saved = await updateSitePage(user, input);
    revalidateSitePage(saved.slug, SITE_PAGE_PATH[input.slug]);
    revalidatePath('/admin/site-pages');
    return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
  },
});
