'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton, TextField } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { submitContributionAction } from '@/lib/actions/contributions/submit-contribution';
import { updateContributionAction } from '@/lib/actions/contributions/update-contribution';
import type { ActionState } from '@/lib/actions/state';
import { RichTextField } from '@/components/admin/editor/rich-text-field';

type Article = { id: string; version: number; title: string; body: unknown };

/** Submit a new article (no `article`) or edit one's own while it is still submitted. */
export function ArticleForm({ article, canInsertImage }: { article?: Article; canInsertImage: boolean }) {
  const action = (article ? updateContributionAction : submitContributionAction) as (
    state: ActionState,
    form: FormData,
  ) => Promise<ActionState>;
  const [state, formAction] = useActionState(action, IDLE as ActionState);
  const p = 'article';
  const saved = state.status === 'success' ? (state.data as { version?: number } | undefined) : undefined;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-3xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} labels={{ title: 'Title', body: 'Text' }} />
      <SuccessMessage state={state} />
      <input type="hidden" name="kind" value="ARTICLE" />
      {article && (
        <>
          <input type="hidden" name="id" value={article.id} />
          <input type="hidden" name="version" value={saved?.version ?? article.version} />
        </>
      )}
      <TextField
        idPrefix={p}
        name="title"
        label="Title"
        hint="The headline, as it should appear in the bulletin"
        defaultValue={keptValue(state, 'title', article?.title)}
        error={fieldError(state, 'title')}
      />
      <RichTextField
        idPrefix={p}
        name="body"
        label="Text"
        hint="Use headings, lists and links as you would like them to appear. Links must start with https:// or mailto:."
        // The editor is not a form control, so a failed submit never clears it.
        defaultValue={article?.body}
        canInsertImage={canInsertImage}
        error={fieldError(state, 'body')}
      />
      <SubmitButton pendingText={article ? 'Saving…' : 'Submitting…'}>{article ? 'Save changes' : 'Submit article'}</SubmitButton>
    </form>
  );
}
