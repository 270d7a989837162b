'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction, type ActionState } from '@/lib/actions/action';
import { createUser as createUserRecord } from '@/lib/data/users';
import { createUserSchema } from '@/lib/validation/users';

const action = createAction({
  schema: createUserSchema,
  permission: 'user:create',
  run: async (input, { user }) => {
    const created = await createUserRecord(user, input);
    revalidatePath('/admin/users');
    redirect(`/admin/users/${created.id}?done=created`);
  },
});

/** As the wrapped action, but a failed submit never sends the password back to the browser. */
export async function createUser(previous: ActionState | undefined, payload: FormData): Promise<ActionState> {
  const state = await action(previous as never, payload);
  if (state.status === 'error' && state.values) delete state.values.password;
  return state;
}
