'use client';

import { useActionState } from 'react';
import { RichTextField } from '@/components/admin/editor/rich-text-field';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton, TextField } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { updateSitePageAction } from '@/lib/actions/site-pages/update';
import type { ActionState } from '@/lib/actions/state';

type Page = { slug: string; title: string; body: unknown; version: number };

/** The title and text of the accessibility statement or the privacy notice. */
export function SitePageForm({ page, canInsertImage }: { page: Page; canInsertImage: boolean }) {
  const [state, formAction] = useActionState(
    updateSitePageAction as (state: ActionState, form: FormData) => Promise<ActionState>,
    IDLE as ActionState,
  );
  const p = 'site-page';
  // After a save the next one must carry the new version, or it would be refused as stale.
  const saved = state.status === 'success' ? (state.data as { version?: number } | undefined) : undefined;
  return (
    <form action={formAction} noValidate className="mt-6 max-w-3xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} labels={{ title: 'Title', body: 'Text' }} />
      <SuccessMessage state={state} />
      <input type="hidden" name="slug" value={page.slug} />
      <input type="hidden" name="version" value={saved?.version ?? page.version} />
      <TextField
        idPrefix={p}
        name="title"
        label="Title"
        hint="The page’s heading, also shown in the browser tab"
        defaultValue={keptValue(state, 'title', page.title)}
        error={fieldError(state, 'title')}
      />
      <RichTextField
        idPrefix={p}
        name="body"
        label="Text"
        hint="Use headings for each part of the page. Links must start with https:// or mailto:."
        // The editor is not a form control, so a failed save never clears it.
        defaultValue={page.body}
        canInsertImage={canInsertImage}
        error={fieldError(state, 'body')}
      />
      <SubmitButton pendingText="Saving…">Save and publish</SubmitButton>
    </form>
  );
}
