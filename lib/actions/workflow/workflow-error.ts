import 'server-only';
import { revalidatePath } from 'next/cache';

/** Runs a workflow step; the issue page (and the sponsor's page) show the new state after any attempt. */
export async function asWorkflowAction<T>(issueId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    revalidatePath(`/admin/issues/${issueId}`, 'layout');
  }
}
