import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IssueArticle } from '@/components/issue/issue-article';
import { ShareButtons } from '@/components/share-buttons';
import { cachedGetIssueNeighbours, cachedGetPublishedIssue } from '@/lib/data/cached';
import { pageAlternates, siteUrl, SITE_NAME } from '@/lib/site';
import { isSlugParam } from '@/lib/validation/params';

// Cached HTML, regenerated at least hourly so registration states change on the right day
// (segment config must be a literal; it equals PUBLIC_REVALIDATE_SECONDS).
export const revalidate = 3600;

// Rendered on first request, then served from the cache (ISR).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

/** The published issue at this address; a segment that cannot be a slug is not looked up. */
const issueAt = async (params: Props['params']) => {
  const { slug } = await params;
  return isSlugParam(slug) ? cachedGetPublishedIssue(slug) : null;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await issueAt(params);
  if (!issue) return { title: 'Issue not found' };
  const path = `/issues/${issue.slug}`;
  return {
    title: issue.title,
    description: issue.summary,
    alternates: pageAlternates(path),
    openGraph: {
      type: 'article',
      title: issue.title,
      description: issue.summary,
      url: path,
      siteName: SITE_NAME,
      publishedTime: issue.publishedAt?.toISOString(),
    },
  };
}

export default async function IssuePage({ params }: Props) {
  const issue = await issueAt(params);
  if (!issue) notFound();
  const { previous, next } = await cachedGetIssueNeighbours(issue.month, issue.slug);
  const url = `${siteUrl()}/issues/${issue.slug}`;

  return (
    <IssueArticle
      issue={issue}
      now={new Date()}
      actions={<ShareButtons url={url} title={issue.title} />}
      footer={
        <nav aria-label="Other issues" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-gray-300 pt-6 print:hidden">
          {previous ? (
            <Link href={`/issues/${previous.slug}`} rel="prev" className="text-[var(--color-brand)] underline">
              <span aria-hidden="true">← </span>Previous issue: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/issues/${next.slug}`} rel="next" className="text-[var(--color-brand)] underline">
              Next issue: {next.title}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
        </nav>
      }
    />
  );
}
