'use client';

import { RichTextField } from '@/components/admin/editor/rich-text-field';
import { TextField } from '@/components/admin/forms/fields';
import { fieldError, keptValue } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';

/** The error summary's names for the two fields. */
export const TITLE_BODY_LABELS = { title: 'Title', body: 'Text' };

/** A title and its rich text: a contributor's article, a site page. */
export function TitleBodyFields({
  state,
  idPrefix,
  title,
  body,
  canInsertImage,
}: {
  state: ActionState;
  idPrefix: string;
  title: { hint: string; value?: string };
  body: { hint: string; value?: unknown };
  canInsertImage: boolean;
}) {
  return (
    <>
      <TextField
        idPrefix={idPrefix}
        name="title"
        label={TITLE_BODY_LABELS.title}
        hint={title.hint}
        defaultValue={keptValue(state, 'title', title.value)}
        error={fieldError(state, 'title')}
      />
      <RichTextField
        idPrefix={idPrefix}
        name="body"
        label={TITLE_BODY_LABELS.body}
        hint={body.hint}
        // The editor is not a form control, so a failed save never clears it.
        defaultValue={body.value}
        canInsertImage={canInsertImage}
        error={fieldError(state, 'body')}
      />
    </>
  );
}
