import Link from 'next/link';

/**
 * The count of unresolved comment threads on a section, for the issue's section
 * list; links to the comments. With none unresolved it still offers the way to the
 * comments to those who cannot edit the section (the sponsor on most sections).
 */
export function CommentBadge({
  href,
  title,
  counts,
  linkWhenNone = false,
}: {
  href: string;
  title: string;
  counts?: { unresolved: number; blocking: number };
  linkWhenNone?: boolean;
}) {
  const unresolved = counts?.unresolved ?? 0;
  const blocking = counts?.blocking ?? 0;
  if (unresolved === 0) {
    if (!linkWhenNone) return null;
    return (
      <Link href={`${href}#comments`} className="text-[var(--color-brand)] underline">
        Comments<span className="sr-only"> on “{title}”</span>
      </Link>
    );
  }
  const text = `${unresolved} unresolved ${unresolved === 1 ? 'comment' : 'comments'}${blocking ? `, ${blocking} blocking` : ''}`;
  return (
    <Link
      href={`${href}#comments`}
      data-testid="comment-badge"
      className={`inline-flex min-h-11 items-center rounded-full border-2 px-3 font-bold underline-offset-2 hover:underline ${blocking ? 'border-red-800 bg-red-50 text-red-900' : 'border-gray-800 bg-white text-gray-900'}`}
    >
      {text}
      <span className="sr-only"> on “{title}”</span>
    </Link>
  );
}
