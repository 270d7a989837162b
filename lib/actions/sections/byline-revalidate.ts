import 'server-only';
import { revalidatePath } from 'next/cache';
import { revalidatePublicContent } from '@/lib/revalidate';

/** After a byline or signatory change: the public pages if the issue is out, and the editor page (its live preview). */
export function afterBylineChange(issue: { id: string; slug: string; status: string }, sectionId: string) {
  if (issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [issue.slug] });
  revalidatePath(`/admin/issues/${issue.id}/sections/${sectionId}`);
}
