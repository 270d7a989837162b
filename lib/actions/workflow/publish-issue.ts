'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { publishIssue } from '@/lib/data/workflow';
import { publishIssueSchema, toEmailChoice } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';

const subscribers = (n: number) => `${n} ${n === 1 ? 'subscriber' : 'subscribers'}`;

/** Publish now, and with the box ticked, start the email to subscribers with it. */
const action = createAction({
  schema: publishIssueSchema,
  permission: 'issue:publish',
  run: async (input, { user }) =>
    asWorkflowAction(input.issueId, async () => {
      const email = toEmailChoice(input);
      const done = await publishIssue(user, { issueId: input.issueId, email });
      if (done.send) revalidatePath(`/admin/issues/${input.issueId}/email`);
      return {
        status: done.issue.status,
        message: done.send
          ? `The issue is published. Readers can see it now. Emailing it to ${subscribers(done.send.recipients)} has started.`
          : email
            ? 'The issue is published. Readers can see it now. No one has confirmed a subscription yet, so it was not emailed.'
            : 'The issue is published. Readers can see it now.',
        send: done.send,
      };
    }),
});

export async function publishIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
