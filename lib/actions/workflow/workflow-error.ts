import 'server-only';
import { revalidatePath } from 'next/cache';
import { ActionError } from '@/lib/actions/action';

/** Runs a workflow step; a transition the lifecycle does not have becomes a 409 for the form. */
export async function asWorkflowAction<T>(issueId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'InvalidTransitionError') throw new ActionError(409, `${error.message} Reload the page to see where it is.`);
    throw error;
  } finally {
    // The issue page (and the sponsor's page) show the new state after any attempt.
    revalidatePath(`/admin/issues/${issueId}`, 'layout');
  }
}
