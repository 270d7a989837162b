import 'server-only';
import { overdueIssueIds, publishDueIssue, type ScheduledOutcome } from '@/lib/data/workflow';

/** The publish-issue worker: publishes the issue if it is still scheduled and due. */
export async function handlePublishIssue(job: { issueId: string; scheduledAt: string }): Promise<{ outcome: ScheduledOutcome }> {
  return { outcome: await publishDueIssue(job.issueId) };
}

/**
 * Publishes every SCHEDULED issue whose time has passed: at start (the app may
 * have been down when the job was due) and every minute (in case queuing the job
 * failed). Each publish is conditional, so overlapping runs publish once.
 */
export async function catchUpOverdue(now: Date = new Date()): Promise<{ published: string[]; blocked: string[] }> {
  const published: string[] = [];
  const blocked: string[] = [];
  for (const id of await overdueIssueIds(now)) {
    try {
      const outcome = await publishDueIssue(id, { now });
      if (outcome === 'published') published.push(id);
      if (outcome === 'blocked') blocked.push(id);
    } catch (error) {
      console.error(`Could not publish overdue issue ${id}:`, error);
    }
  }
  return { published, blocked };
}
