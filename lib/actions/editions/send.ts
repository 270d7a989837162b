'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { startEditionSend } from '@/lib/data/editions';
import { sendEditionSchema } from '@/lib/validation/editions';

/** "Send to N subscribers" on the email edition page. */
const action = createAction({
  schema: sendEditionSchema,
  permission: 'edition:send',
  run: async (input, { user }) => {
    const send = await startEditionSend(user, {
      issueId: input.issueId,
      introParagraphs: input.intro === 'first' ? input.paragraphs : null,
      expectedRecipients: input.expectedRecipients,
      again: input.again === 'on',
    });
    revalidatePath(`/admin/issues/${input.issueId}/email`);
    return send;
  },
  successMessage: 'Sending has started. The counts below update while it runs.',
});

export async function sendEditionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
