// Queue names, job payloads and retry policies: shared by the client (enqueue) and
// the worker (handlers). Imports no domain code, so anything may import it.
import type { EmailMessage } from '@/lib/email/messages';

export const QUEUES = {
  publishIssue: 'publish-issue',
  publishOverdue: 'publish-overdue',
  sendEmail: 'send-email',
  datedPages: 'public-pages-dates',
} as const;

export type PublishIssueJob = { issueId: string; scheduledAt: string };
export type SendEmailJob = { notificationId: string } | { message: EmailMessage };

export const EMAIL_RETRY = { retryLimit: 6, retryDelay: 30, retryBackoff: true } as const;
