'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createIssueFromImport } from '@/lib/data/import';
import { AppError, isAppError } from '@/lib/errors';
import { createImportSchema } from '@/lib/validation/imports';
import { applyReviewEdits } from './draft-review';

/**
 * Step 2: the reviewed source is read again, the editor's changes applied, and the
 * DRAFT issue created in one transaction (lib/data/import.ts). A refusal (a slug
 * taken, a field to fix) returns the review, so the screen comes back as it was.
 */
const action = createAction({
  schema: createImportSchema,
  permission: 'issue:create',
  run: async (input, { user }) => {
    const { review, draft, slug } = applyReviewEdits(input);
    let id: string;
    try {
      ({ id } = await createIssueFromImport(user, draft, { slug }));
    } catch (error) {
      if (isAppError(error) && !error.data) throw new AppError(error.code, error.message, { fieldErrors: error.fieldErrors, data: review });
      throw error;
    }
    redirect(`/admin/issues/${id}?created=1`);
  },
});

export async function createImportAction(...args: Parameters<typeof action>) {
  return action(...args);
}
