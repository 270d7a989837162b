// What changed in the intro since the sponsor last approved it, as the plain texts
// the approval pages diff word by word. Pure: the approved content is stored with
// the approval (Section.approvedContent).
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { introContentHash, type IntroContent } from './intro-hash';

export type ApprovedContent = { title: string; body: unknown; signOff: string | null; signatoryId: string | null };

/** Title, text and sign-off, one block a line: what the sponsor reads. */
export function introPlainText(c: { title: unknown; body: unknown; signOff?: unknown }): string {
  const title = typeof c.title === 'string' ? c.title : '';
  const signOff = typeof c.signOff === 'string' && c.signOff.trim() ? `\n\n${c.signOff}` : '';
  return `${title}\n\n${richTextToPlain(c.body)}${signOff}`;
}

/** The stored approved content, if it has the shape approval writes. */
export function readApprovedContent(value: unknown): ApprovedContent | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.title !== 'string') return null;
  return {
    title: v.title,
    body: v.body ?? null,
    signOff: typeof v.signOff === 'string' ? v.signOff : null,
    signatoryId: typeof v.signatoryId === 'string' ? v.signatoryId : null,
  };
}

export type ChangesSinceApproval = { before: string; after: string; signatoryChanged: boolean };

/**
 * Null when there is nothing to show: never approved, approved before the content
 * was kept, or unchanged since (the hash still matches).
 */
export function changesSinceApproval(current: IntroContent & { approvedContent: unknown; approvedContentHash: string | null }): ChangesSinceApproval | null {
  const approved = readApprovedContent(current.approvedContent);
  if (!approved || !current.approvedContentHash) return null;
  if (introContentHash(current) === current.approvedContentHash) return null;
  return {
    before: introPlainText(approved),
    after: introPlainText(current),
    signatoryChanged: (approved.signatoryId ?? null) !== (current.signatoryId ?? null),
  };
}
