import type { Metadata } from 'next';
import Link from 'next/link';
import { IssueArticle } from '@/components/issue/issue-article';
import { SiteChrome } from '@/components/site-chrome';
import { getPreviewLinkView, type LinkProblem } from '@/lib/data/access-links';
import { formatDateTime } from '@/lib/dates';

// A shared preview of an unpublished issue: read only, never indexed or cached,
// and it changes nothing about the issue's visibility.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Preview – not published',
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: 'no-referrer',
};

const PROBLEMS: Record<LinkProblem, { heading: string; text: string }> = {
  invalid: { heading: 'This preview link does not work', text: 'Check that you copied the whole link. If it still does not work, ask the editor for a new one.' },
  expired: { heading: 'This preview link has expired', text: 'Preview links work for 7 days. Ask the editor for a new one.' },
  revoked: { heading: 'This preview link has been withdrawn', text: 'The editor cancelled it. Ask them for a new one if you still need it.' },
  used: { heading: 'This preview link has been used', text: 'Ask the editor for a new one.' },
};


export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await getPreviewLinkView(token);
  if (!view.ok) {
    const p = PROBLEMS[view.problem];
    return (
      <SiteChrome>
        <h1 className="text-3xl font-bold">{p.heading}</h1>
        <p className="mt-4 max-w-2xl">{p.text}</p>
      </SiteChrome>
    );
  }
  const { issue } = view;
  const published = issue.status === 'PUBLISHED';
  return (
    <SiteChrome>
      <div role="note" aria-label="Preview" className="mb-8 border-l-8 border-amber-500 bg-amber-50 p-4">
        <p className="text-xl font-bold">{published ? 'Preview – this issue is now published' : 'Preview – not published'}</p>
        <p className="mt-1">
          {published ? (
            <>
              Readers can now see it at{' '}
              <Link href={`/issues/${issue.slug}`} className="text-[var(--color-brand)] underline">
                /issues/{issue.slug}
              </Link>
              .
            </>
          ) : (
            <>This is how the issue will look to readers. It is not on the public site yet, and may still change. Please do not share this link further.</>
          )}
        </p>
        <p className="mt-1 text-sm">This link works until {formatDateTime(view.expiresAt)}.</p>
      </div>
      <IssueArticle issue={issue} now={new Date()} />
    </SiteChrome>
  );
}
