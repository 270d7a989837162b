import 'server-only';
import { getBoss } from './boss';
import { QUEUES, type PublishIssueJob, type SendEditionJob, type SendEmailJob } from './names';

// The jobs client: the functions that enqueue work (lib/data and lib/notify call
// them). Imports no domain code; the handlers live in ./worker. Enqueuing
// happens after the change it follows has committed and never throws: a queue that
// is down must not undo or block an editor's action (overdue issues are caught up
// every minute and at start; see docs/decisions/011-job-queue.md).

export { QUEUES, EMAIL_RETRY, type PublishIssueJob, type SendEditionJob, type SendEmailJob } from './names';

/** Job for publishing at `scheduledAt`; one per issue and time, so scheduling twice queues once. */
export async function enqueuePublish(issueId: string, scheduledAt: Date): Promise<string | null> {
  try {
    const boss = await getBoss();
    return await boss.send(QUEUES.publishIssue, { issueId, scheduledAt: scheduledAt.toISOString() } satisfies PublishIssueJob, {
      startAfter: scheduledAt,
      singletonKey: `${issueId}@${scheduledAt.toISOString()}`,
      retryLimit: 10,
      retryDelay: 15,
      retryBackoff: true,
    });
  } catch (error) {
    console.error(`Could not queue the publishing of issue ${issueId}; the minute check will publish it:`, error);
    return null;
  }
}

/** One email job per notification (or ready message); returns how many were queued. */
export async function enqueueEmails(jobs: SendEmailJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  try {
    const boss = await getBoss();
    let queued = 0;
    for (const data of jobs) {
      const id = await boss.send(QUEUES.sendEmail, data, {
        ...('notificationId' in data ? { singletonKey: data.notificationId } : {}),
      });
      if (id) queued++;
    }
    return queued;
  } catch (error) {
    console.error('Could not queue emails (the in-app notifications were saved):', error);
    return 0;
  }
}

/**
 * The job that delivers a send of the email edition; one per send (singletonKey).
 * Never throws: a send that could not be queued is picked up when the workers
 * next start (resumeEditionSends).
 */
export async function enqueueEditionSend(sendId: string): Promise<string | null> {
  try {
    const boss = await getBoss();
    return await boss.send(QUEUES.sendEdition, { sendId } satisfies SendEditionJob, { singletonKey: sendId });
  } catch (error) {
    console.error(`Could not queue the email edition send ${sendId}; it is resumed when the workers start:`, error);
    return null;
  }
}
