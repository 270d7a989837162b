'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE, nextVersion } from '@/components/admin/forms/form-state';
import { TITLE_BODY_LABELS, TitleBodyFields } from '@/components/admin/forms/title-body-fields';
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
  return (
    <form action={formAction} noValidate className="mt-6 max-w-3xl space-y-6">
      <ErrorSummary state={state} idPrefix={p} labels={TITLE_BODY_LABELS} />
      <SuccessMessage state={state} />
      <input type="hidden" name="slug" value={page.slug} />
      <input type="hidden" name="version" value={nextVersion(state, page.version)} />
      <TitleBodyFields
        state={state}
        idPrefix={p}
        title={{ hint: 'The page’s heading, also shown in the browser tab', value: page.title }}
        body={{ hint: 'Use headings for each part of the page. Links must start with https:// or mailto:.', value: page.body }}
        canInsertImage={canInsertImage}
      />
      <SubmitButton pendingText="Saving…">Save and publish</SubmitButton>
    </form>
  );
}
