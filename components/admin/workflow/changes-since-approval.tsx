import { TextDiff } from '@/components/admin/issues/text-diff';
import type { ChangesSinceApproval as Changes } from '@/lib/workflow/approval-diff';

/**
 * On the sponsor's approval pages: what changed in the intro since they last
 * approved it, word by word, so they need not reread it all to find the edit.
 */
export function ChangesSinceApproval({ changes, headingLevel = 2 }: { changes: Changes | null; headingLevel?: 2 | 3 }) {
  if (!changes) return null;
  const H = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="changes-since-heading" className="mt-6">
      <H id="changes-since-heading" className="text-xl font-bold">
        What changed since you last approved it
      </H>
      <p className="mt-1 max-w-2xl">
        Added words are underlined, removed words are struck through.
        {changes.signatoryChanged ? ' The person who signs the intro has changed too.' : ''}
      </p>
      <div className="mt-2" data-testid="changes-since-approval">
        <TextDiff from={changes.before} to={changes.after} />
      </div>
    </section>
  );
}
