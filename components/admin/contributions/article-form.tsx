'use client';

import { useActionState } from 'react';
import { ContributionKeys } from '@/components/admin/contributions/contribution-keys';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { TITLE_BODY_LABELS, TitleBodyFields } from '@/components/admin/forms/title-body-fields';
import { submitContributionAction } from '@/lib/actions/contributions/submit-contribution';
import { updateContributionAction } from '@/lib/actions/contributions/update-contribution';
import type { ActionState } from '@/lib/actions/state';

type Article = { id: string; version: number; title: string; body: unknown };

/** Submit a new article (no `article`) or edit one's own while it is still submitted. */
export function ArticleForm({ article, canInsertImage }: { article?: Article; canInsertImage: boolean }) {
  const action = (article ? updateContributionAction : submitContributionAction) as (
    state: ActionState,
    form: FormData,
  ) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  const p = 'article';
  return (
    <form action={formAction} noValidate className="mt-6 max-w-3xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} labels={TITLE_BODY_LABELS} />
      <SuccessMessage state={state} />
      <ContributionKeys kind="ARTICLE" editing={article} state={state} />
      <TitleBodyFields
        state={state}
        idPrefix={p}
        title={{ hint: 'The headline, as it should appear in the bulletin', value: article?.title }}
        body={{
          hint: 'Use headings, lists and links as you would like them to appear. Links must start with https:// or mailto:.',
          value: article?.body,
        }}
        canInsertImage={canInsertImage}
      />
      <SubmitButton pendingText={article ? 'Saving…' : 'Submitting…'}>{article ? 'Save changes' : 'Submit article'}</SubmitButton>
    </form>
  );
}
