'use client';

import { useActionState } from 'react';
import { idle } from '@/components/admin/issues/idle';
import { createImportAction } from '@/lib/actions/imports/create-import';
import { reviewImportAction } from '@/lib/actions/imports/review-import';
import { isImportReview, type ImportReview } from '@/lib/actions/imports/review-types';
import { ReviewForm } from './review-form';
import { SourceForm } from './source-form';

/**
 * Paste or upload → review → create. Each step is a plain form post, so it works
 * without JavaScript: a refused "Create draft issue" returns the review with it, and
 * a refusal before that returns the text, so the screen comes back as it was.
 */
export function ImportWorkspace() {
  const [reviewState, reviewAction, reviewPending] = useActionState(reviewImportAction, idle<ImportReview>());
  const [createState, createAction, createPending] = useActionState(createImportAction, idle<never>());
  const refused = createState.status === 'error' ? createState : null;
  const review = refused && isImportReview(refused.data) ? refused.data : reviewState.status === 'success' ? reviewState.data : undefined;
  if (review) return <ReviewForm review={review} state={createState} action={createAction} pending={createPending} />;
  // A "Create" refused before the review could be rebuilt (a forged form): back to the text box, the text in it.
  const kept = refused && typeof refused.values?.source === 'string' ? refused.values.source : undefined;
  return <SourceForm state={refused ?? reviewState} action={reviewAction} pending={reviewPending} kept={kept} />;
}
