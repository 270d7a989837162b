// Form helpers live with the action state type (client-safe).
import type { ActionState } from '@/lib/actions/state';

export { fieldError, IDLE, keptValue } from '@/lib/actions/state';

/**
 * The version a form's next save must carry: the one the last successful save
 * returned, else the one the page was rendered with. Without it a second save from
 * the same page would be refused as stale.
 */
export function nextVersion(state: ActionState, rendered: number): number {
  const saved = state.status === 'success' ? (state.data as { version?: unknown } | undefined) : undefined;
  return typeof saved?.version === 'number' ? saved.version : rendered;
}
