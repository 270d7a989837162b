import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import { IssueArchive } from '@/components/issue-archive';
import { cachedListPublishedIssues } from '@/lib/data/cached';

export const revalidate = 3600;

export const metadata: Metadata = {
  title: 'All issues',
  description: 'Every published issue of the Regional Update, by year.',
  alternates: pageAlternates('/issues'),
  openGraph: { title: 'All issues', url: '/issues' },
};

export default async function IssuesPage() {
  const issues = await cachedListPublishedIssues();
  return (
    <>
      <h1 className="text-3xl font-bold">All issues</h1>
      {issues.length === 0 ? (
        <p className="mt-4">No issues have been published yet.</p>
      ) : (
        <div className="mt-6">
          <IssueArchive issues={issues} headingLevel={2} />
        </div>
      )}
    </>
  );
}
