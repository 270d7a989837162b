'use server';
import { createAction } from '@/lib/actions/action';
import { sendTestEdition } from '@/lib/data/editions';
import { sendTestEditionSchema, toIntroLength } from '@/lib/validation/editions';

/** "Send a test to yourself" on the email preview page. */
const action = createAction({
  schema: sendTestEditionSchema,
  permission: 'edition:send',
  run: async (input, { user }) => sendTestEdition(user, input.issueId, toIntroLength(input)),
});

export async function sendTestEditionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
