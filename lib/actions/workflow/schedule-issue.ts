'use server';
import { createAction } from '@/lib/actions/action';
import { scheduleIssue } from '@/lib/data/workflow';
import { scheduleIssueSchema, toEmailChoice } from '@/lib/validation/workflow-actions';
import { asWorkflowAction } from './workflow-error';
import { formatDateTime } from '@/lib/dates';


const action = createAction({
  schema: scheduleIssueSchema,
  permission: 'issue:publish',
  run: async (input, { user }) =>
    asWorkflowAction(input.issueId, async () => {
      const email = toEmailChoice(input);
      const done = await scheduleIssue(user, {
        issueId: input.issueId,
        date: { day: input['date.day'], month: input['date.month'], year: input['date.year'] },
        time: input.time,
        email,
      });
      const when = formatDateTime(done.scheduledAt, { weekday: true });
      return {
        scheduledAt: done.scheduledAt.toISOString(),
        label: `The issue will be published on ${when} (UK time)${email ? ' and emailed to its subscribers then' : ''}.`,
      };
    }),
});

export async function scheduleIssueAction(...args: Parameters<typeof action>) {
  return action(...args);
}
