import 'server-only';
import { revalidatePath } from 'next/cache';

// Comments show on the section page, the contribution page and (as badges) in the
// issue's section list; all are admin pages, so refresh those routes.
export function revalidateCommentPages(href?: string) {
  if (href) revalidatePath(href.split('#')[0]!);
  revalidatePath('/admin/issues/[id]/sections/[sectionId]', 'page');
  revalidatePath('/admin/issues/[id]', 'page');
  revalidatePath('/admin/contributions/[id]', 'page');
}
