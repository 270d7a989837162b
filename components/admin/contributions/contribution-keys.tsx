import { nextVersion } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';

/**
 * What the submit and update contribution actions read besides the fields: the
 * kind, and for an edit the contribution and the version being edited.
 */
export function ContributionKeys({
  kind,
  editing,
  state,
}: {
  kind: 'ARTICLE' | 'EVENT';
  editing?: { id: string; version: number };
  state: ActionState;
}) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      {editing && (
        <>
          <input type="hidden" name="id" value={editing.id} />
          <input type="hidden" name="version" value={nextVersion(state, editing.version)} />
        </>
      )}
    </>
  );
}
