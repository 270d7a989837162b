import { Feed } from 'feed';
import { listIssuesForFeed } from '@/lib/data/feeds';
import { formatMonth } from '@/lib/dates';
import { siteUrl, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';

export const revalidate = 3600;

/** Atom feed of published issues. */
export async function GET() {
  const origin = siteUrl();
  const issues = await listIssuesForFeed();
  const feed = new Feed({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    id: `${origin}/`,
    link: `${origin}/`,
    language: 'en-GB',
    copyright: `${SITE_NAME} contributors`,
    updated: issues[0]?.publishedAt ?? new Date(0),
    feedLinks: { atom: `${origin}/feed.xml` },
  });
  for (const issue of issues) {
    const url = `${origin}/issues/${issue.slug}`;
    feed.addItem({
      title: issue.title,
      id: url,
      link: url,
      date: issue.publishedAt ?? issue.updatedAt,
      published: issue.publishedAt ?? undefined,
      description: issue.summary || `The ${formatMonth(issue.month)} issue.`,
      content: `<p>${escapeHtml(issue.summary)}</p><p>In this issue:</p><ul>${issue.sections
        .map((s) => `<li>${escapeHtml(s.title)}</li>`)
        .join('')}</ul>`,
    });
  }
  return new Response(feed.atom1(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=900' },
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
