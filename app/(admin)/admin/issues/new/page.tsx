import type { Metadata } from 'next';
import Link from 'next/link';
import { NewIssueForm } from '@/components/admin/issues/new-issue-form';
import { LINK } from '@/components/admin/issues/styles';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listIssuesAdmin } from '@/lib/data/issues-admin';
import { nextMonth } from '@/lib/issues/template';

export const metadata: Metadata = { title: 'New issue' };

export default async function NewIssuePage() {
  const user = await requireUser('/admin/issues/new');
  if (!can(user, 'issue:create')) {
    return (
      <>
        <h1 className="text-3xl font-bold">New issue</h1>
        <p className="mt-4">You do not have permission to create issues.</p>
      </>
    );
  }
  const issues = can(user, 'issue:read') ? await listIssuesAdmin(user) : [];
  const { year, month } = nextMonth();
  const years = Array.from({ length: 5 }, (_, i) => year - 1 + i);
  return (
    <>
      <p><Link href="/admin/issues" className={LINK}>Back to issues</Link></p>
      <h1 className="mt-4 text-3xl font-bold">New issue</h1>
      <p className="mt-2">The issue is created as a draft. Nothing is published until you publish it.</p>
      <NewIssueForm defaultYear={year} defaultMonth={month} years={years} sources={issues.map((i) => ({ id: i.id, title: i.title }))} />
    </>
  );
}
