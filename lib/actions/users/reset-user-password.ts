'use server';

import { revalidatePath } from 'next/cache';
import { createAction, type ActionState } from '@/lib/actions/action';
import { resetUserPassword as resetUserPasswordRecord } from '@/lib/data/users';
import { resetUserPasswordSchema } from '@/lib/validation/users';

const action = createAction({
  schema: resetUserPasswordSchema,
  permission: 'user:update',
  successMessage: 'Password reset. The user has been signed out everywhere; give them the new password securely.',
  run: async (input, { user }) => {
    await resetUserPasswordRecord(user, input);
    revalidatePath(`/admin/users/${input.id}`);
  },
});

/** As the wrapped action, but a failed submit never sends the password back to the browser. */
export async function resetUserPassword(previous: ActionState | undefined, payload: FormData): Promise<ActionState> {
  const state = await action(previous as never, payload);
  if (state.status === 'error' && state.values) delete state.values.password;
  return state;
}
