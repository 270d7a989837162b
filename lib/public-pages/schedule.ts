import 'server-only';
import { FIXED_PUBLIC_PAGES, publicPagesForEvents, publicPagesForIssues } from '@/lib/data/public-pages';

// The hand-over from a committed change to the stored public pages
// (docs/decisions/025-static-public-pages.md). scripts/server.mjs sets the hook when it
// keeps a store; in any other process (tests, `next build`) there is nothing to refresh.

export type PublicChange = { issueSlugs?: string[]; eventSlugs?: string[] };
type Regenerate = (paths: string[], opts: { changed: string[] }) => Promise<unknown>;

const hook = () => (globalThis as { __regionalUpdateRegeneratePages?: Regenerate }).__regionalUpdateRegeneratePages;

/** The public pages a change touches. */
export async function pagesAffectedBy(change: PublicChange): Promise<string[]> {
  const [issuePages, eventPages] = await Promise.all([
    publicPagesForIssues([...new Set(change.issueSlugs ?? [])]),
    publicPagesForEvents([...new Set(change.eventSlugs ?? [])]),
  ]);
  return [...new Set([...FIXED_PUBLIC_PAGES, ...issuePages, ...eventPages])];
}

/** After a committed change: re-store the public pages it touches. Never throws. */
export async function schedulePublicPages(change: PublicChange): Promise<void> {
  const regenerate = hook();
  if (!regenerate) return;
  try {
    // Pages that link to the changed issues and events are re-rendered too (scripts/server.mjs
    // knows them from the stored pages); neighbours and listings are already in the list.
    const changed = [...(change.issueSlugs ?? []).map((s) => `/issues/${s}`), ...(change.eventSlugs ?? []).map((s) => `/events/${s}`)];
    await regenerate(await pagesAffectedBy(change), { changed });
  } catch (error) {
    console.error('Could not regenerate the stored public pages (they are rebuilt at the next start):', error);
  }
}
