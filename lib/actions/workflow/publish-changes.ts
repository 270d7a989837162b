'use server';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { publishChanges } from '@/lib/data/pending-changes';
import { issueTransitionSchema } from '@/lib/validation/workflow-actions';
import { links } from '@/lib/workflow/links';
import { asWorkflowAction } from './workflow-error';

const action = createAction({
  schema: issueTransitionSchema,
  permission: 'issue:publish',
  run: async (input, { user }) => {
    const { revision } = await asWorkflowAction(input.issueId, () => publishChanges(user, input));
    // The panel holding the button goes away once nothing is pending, and its success
    // message with it: the issue page says what was published instead (its status region).
    redirect(`${links.issue(input.issueId)}?published=${revision}`);
  },
});

export async function publishChangesAction(...args: Parameters<typeof action>) {
  return action(...args);
}
