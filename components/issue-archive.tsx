import Link from 'next/link';
import { formatMonth } from '@/lib/dates';

/** True when the title already names the issue's month ("Regional Update – January 2027"). */
export function titleNamesMonth(title: string, month: Date): boolean {
  return title.toLowerCase().includes(formatMonth(month).toLowerCase());
}

type ArchiveIssue = { slug: string; title: string; month: Date; summary: string };

/** Past issues grouped by year, newest first. */
export function IssueArchive({ issues, headingLevel }: { issues: ArchiveIssue[]; headingLevel: 2 | 3 }) {
  const byYear = new Map<number, ArchiveIssue[]>();
  for (const issue of issues) {
    const year = issue.month.getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), issue]);
  }
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div className="space-y-6">
      {[...byYear.entries()].map(([year, list]) => (
        <section key={year} aria-labelledby={`year-${year}`}>
          <Heading id={`year-${year}`} className="text-xl font-bold">
            {year}
          </Heading>
          <ul className="mt-2 space-y-2">
            {list.map((issue) => (
              <li key={issue.slug}>
                <Link href={`/issues/${issue.slug}`} className="text-[var(--color-brand)] underline hover:decoration-2">
                  {issue.title}
                </Link>
                {!titleNamesMonth(issue.title, issue.month) && (
                  <span className="text-[var(--color-muted)]">
                    {' '}
                    – <time dateTime={issue.month.toISOString().slice(0, 7)}>{formatMonth(issue.month)}</time>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
