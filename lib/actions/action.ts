import 'server-only';
import { z } from 'zod';
import { scopeOf, type Action } from '@/lib/auth/permissions';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import type { ActionState, FieldErrors } from './state';

// One wrapper for every server action: parse (zod, strict), then authorise
// (permission table), then run. It never throws to the caller: failures come back
// as a state for useActionState, with field errors and the submitted values, so a
// failed save keeps the user's text.

export { IDLE, type ActionState, type FieldErrors } from './state';

/** Thrown inside `run` for expected failures (not found, conflict, rule broken). */
export class ActionError extends Error {
  constructor(
    readonly code: 400 | 404 | 409,
    message: string,
    readonly data?: unknown,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}

/** FormData to a plain object; Next's own `$ACTION…` fields are not the user's input. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = typeof value === 'string' ? value : value;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

function keepValues(raw: unknown): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'));
}

export function createAction<S extends z.ZodType, T>(config: {
  schema: S;
  permission: Action;
  run: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>;
  successMessage?: string;
}) {
  return async function action(_previous: ActionState<T> | undefined, payload: FormData | z.input<S>): Promise<ActionState<T>> {
    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    const values = keepValues(raw);
    const parsed = config.schema.safeParse(raw);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      const unknown = parsed.error.issues.filter((i) => i.code === 'unrecognized_keys');
      return {
        status: 'error',
        code: 400,
        message: unknown.length
          ? `These fields are not allowed: ${unknown.flatMap((i) => ('keys' in i ? i.keys : [])).join(', ')}.`
          : flat.formErrors[0] ?? 'There is a problem with what you entered. Check the highlighted fields.',
        fieldErrors: flat.fieldErrors as FieldErrors,
        values,
      };
    }
    const user = await getCurrentUser();
    if (!user) {
      return { status: 'error', code: 401, message: 'Your session has ended. Sign in again in another tab, then save.', values };
    }
    if (!scopeOf(user, config.permission)) {
      return { status: 'error', code: 403, message: 'You do not have permission to do that.', values };
    }
    try {
      const data = await config.run(parsed.data, { user });
      return { status: 'success', message: config.successMessage, data };
    } catch (error) {
      if (error instanceof ActionError) {
        return { status: 'error', code: error.code, message: error.message, data: error.data, fieldErrors: error.fieldErrors, values };
      }
      if (error instanceof Error && error.name === 'ForbiddenError') {
        return { status: 'error', code: 403, message: 'You do not have permission to do that.', values };
      }
      // Next.js signals redirect()/notFound() by throwing; let those through.
      if (error instanceof Error && 'digest' in error && String((error as { digest?: unknown }).digest).startsWith('NEXT_')) throw error;
      console.error('[action] unexpected error', error);
      return { status: 'error', code: 500, message: 'Something went wrong and nothing was saved. Try again.', values };
    }
  };
}
