import { IDLE, type ActionState } from '@/lib/actions/state';

/** The initial useActionState state. */
export function idle<T>(): ActionState<T> {
  return IDLE;
}
