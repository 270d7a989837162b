import 'server-only';
import { z } from 'zod';
import { scopeOf, type Action } from '@/lib/auth/permissions';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ActionState, FieldErrors } from './state';

// One wrapper for every server action: parse (zod, strict), then authorise
// (permission table), then run. It never throws to the caller: failures come back
// as a state for useActionState, with field errors and the submitted values, so a
// failed save keeps the user's text.

export { IDLE, type ActionState, type FieldErrors } from './state';

/**
 * FormData to a plain object; Next's own `$ACTION…` fields are not the user's input.
 * A repeated field becomes an array. Every key becomes an own property, even
 * `__proto__` or `toString`, so the strict schema reports it instead of the key
 * reaching (or reading from) Object.prototype.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = Object.hasOwn(out, key) ? ([] as unknown[]).concat(out[key], value) : value;
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

// NUL cannot be stored in PostgreSQL text or jsonb, and a lone UTF-16 surrogate is
// not valid JSON there: refused as a field error instead of failing in the database.
const UNSAVABLE = /\u0000|\p{Cs}/u;
const UNSAVABLE_MESSAGE = 'This contains an invisible character that cannot be saved. Remove it (retyping the text removes it) and try again.';

/** The top-level fields whose value (strings anywhere inside it) holds an unsavable character. */
export function fieldsWithUnsavableText(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return typeof raw === 'string' && UNSAVABLE.test(raw) ? [''] : [];
  const found: string[] = [];
  for (const [field, value] of Object.entries(raw)) {
    // Iterative, and bounded: a deeply nested or huge body must not overflow the stack.
    const stack: unknown[] = [value];
    for (let seen = 0; stack.length > 0 && seen < 100_000; seen++) {
      const v = stack.pop();
      if (typeof v === 'string') {
        if (UNSAVABLE.test(v)) {
          found.push(field);
          break;
        }
      } else if (v && typeof v === 'object' && !(v instanceof Blob)) {
        for (const [k, inner] of Object.entries(v)) stack.push(k, inner);
      }
    }
  }
  return found;
}

/**
 * A database error caused by the input's values (PostgreSQL "data exception",
 * SQLSTATE class 22, or Prisma's invalid-value errors), not by the server.
 */
function isBadValueError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientValidationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return (typeof sqlState === 'string' && sqlState.startsWith('22')) || ['P2000', 'P2006', 'P2007', 'P2020', 'P2033'].includes(code ?? '');
}

const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** What the form sent, to put back after a failed submit: scalars, and lists of them (several ticked topics). Files are left out. */
function keepValues(raw: unknown): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => scalar(v) || (Array.isArray(v) && v.every(scalar))));
}

const SAVE_FAILED = 'Something went wrong and nothing was saved. Try again.';

export function createAction<S extends z.ZodType, T>(config: {
  schema: S;
  permission: Action;
  run: (input: z.output<S>, ctx: { user: SessionUser }) => Promise<T>;
  successMessage?: string;
}) {
  return async function action(_previous: ActionState<T> | undefined, payload: FormData | z.input<S>): Promise<ActionState<T>> {
    // The edge (scripts/server.mjs) answers a 5xx before this point as a request it could not decode.
    (globalThis as { __regionalUpdateActionStarted?: () => void }).__regionalUpdateActionStarted?.();
    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    const values = keepValues(raw);
    const unsavable = (fields: string[]): ActionState<T> => ({
      status: 'error',
      code: 400,
      message: UNSAVABLE_MESSAGE,
      fieldErrors: Object.fromEntries(fields.filter(Boolean).map((f) => [f, [UNSAVABLE_MESSAGE]])),
      values,
    });
    const before = fieldsWithUnsavableText(raw);
    if (before.length) return unsavable(before);
    try {
      const parsed = config.schema.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        const unknown = parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && 'keys' in i ? i.keys : []));
        const listed = unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : '');
        return {
          status: 'error',
          code: 400,
          message: unknown.length
            ? `These fields are not allowed: ${listed}.`
            : flat.formErrors[0] ?? 'There is a problem with what you entered. Check the highlighted fields.',
          fieldErrors: flat.fieldErrors as FieldErrors,
          values,
        };
      }
      // Again after parsing: a JSON-encoded field (rich text) can hold `\u0000` as an escape.
      const after = fieldsWithUnsavableText(parsed.data);
      if (after.length) return unsavable(after);
      const user = await getCurrentUser();
      if (!user) {
        return { status: 'error', code: 401, message: 'Your session has ended. Sign in again in another tab, then save.', values };
      }
      if (!scopeOf(user, config.permission)) {
        return { status: 'error', code: 403, message: 'You do not have permission to do that.', values };
      }
      const data = await config.run(parsed.data, { user });
      return { status: 'success', message: config.successMessage, data };
    } catch (error) {
      // The one place an AppError becomes a form state.
      if (isAppError(error)) {
        return { status: 'error', code: error.status, message: error.message, data: error.data, fieldErrors: error.fieldErrors, values };
      }
      // Next.js signals redirect()/notFound() by throwing; let those through.
      if (error instanceof Error && 'digest' in error && String((error as { digest?: unknown }).digest).startsWith('NEXT_')) throw error;
      if (isBadValueError(error)) {
        return { status: 'error', code: 400, message: 'Something you entered could not be saved, so nothing was saved. Check what you entered and try again.', values };
      }
      console.error('[action] unexpected error', error);
      return { status: 'error', code: 500, message: SAVE_FAILED, values };
    }
  };
}
