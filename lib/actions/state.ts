// The shape server actions return to forms (useActionState). No server-only
// imports here, so client components can use it.

import type { FieldErrors } from '@/lib/errors';

export type { FieldErrors };

export type ActionState<T = unknown> =
  | { status: 'idle' }
  | { status: 'success'; message?: string; data?: T }
  | {
      status: 'error';
      code: 400 | 401 | 403 | 404 | 409 | 500;
      message: string;
      fieldErrors?: FieldErrors;
      values?: Record<string, unknown>;
      data?: unknown;
    };

/** The initial state for useActionState. */
export const IDLE: ActionState<never> = { status: 'idle' };

/** The first error for a field after a failed submit. */
export function fieldError(state: ActionState, name: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** What the user submitted (after a failed submit), else the fallback (the saved value). */
export function keptValue(state: ActionState, name: string, fallback: string | null | undefined = ''): string {
  if (state.status === 'error' && state.values && name in state.values && !Array.isArray(state.values[name])) return String(state.values[name] ?? '');
  return fallback ?? '';
}
