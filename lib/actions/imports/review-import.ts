'use server';
import { createAction } from '@/lib/actions/action';
import { requirePermission } from '@/lib/auth/permissions';
import { reviewImportSchema } from '@/lib/validation/imports';
import { reviewFile, reviewPasted } from './draft-review';

/** Step 1: a pasted bulletin or an uploaded file is read into a draft for review. Nothing is saved. */
export const reviewImportAction = createAction({
  schema: reviewImportSchema,
  permission: 'issue:create',
  run: async (input, { user }) => {
    requirePermission(user, 'section:create');
    if (input.file) return reviewFile(input.file);
    return input.pastedHtml.trim() ? reviewPasted(input.pastedHtml, 'html') : reviewPasted(input.pasted, input.format);
  },
});
