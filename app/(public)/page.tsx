import Link from 'next/link';
import { listPublishedIssues } from '@/lib/data/issues';
import { formatMonth } from '@/lib/dates';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const issues = await listPublishedIssues();
  return (
    <>
      <h1 className="text-3xl font-bold">Regional Update</h1>
      <p className="mt-2 text-lg text-[var(--color-muted)]">
        News, events and learning from the region&apos;s children&apos;s services councils and trusts.
      </p>
      <h2 className="mt-8 text-2xl font-bold">Published issues</h2>
      {issues.length === 0 ? (
        <p className="mt-4">No issues have been published yet.</p>
      ) : (
        <ul className="mt-4 space-y-6">
          {issues.map((issue) => (
            <li key={issue.slug}>
              <h3 className="text-xl font-bold">
                <Link href={`/issues/${issue.slug}`} className="text-[var(--color-brand)] underline hover:decoration-2">
                  {issue.title}
                </Link>
              </h3>
              <p className="text-sm text-[var(--color-muted)]">
                <time dateTime={issue.month.toISOString().slice(0, 7)}>{formatMonth(issue.month)}</time>
              </p>
              {issue.summary && <p className="mt-1">{issue.summary}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
