import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { listComments } from '@/lib/data/comments';
import { CommentThreads } from './comment-thread';

/** Loads and shows the comments on a section or a submission, if the user may read them. */
export async function CommentsPanel({
  user,
  target,
  ownerId = null,
}: {
  user: SessionUser;
  target: { sectionId: string } | { contributionId: string };
  /** The contribution's submitter (own-scoped comment rights), if any. */
  ownerId?: string | null;
}) {
  const resource = { ownerId };
  if (!can(user, 'comment:read', resource)) return null;
  const threads = await listComments(user, target);
  return (
    <CommentThreads
      target={target}
      threads={threads}
      canCreate={can(user, 'comment:create', resource)}
      canResolve={can(user, 'comment:resolve', resource)}
    />
  );
}
