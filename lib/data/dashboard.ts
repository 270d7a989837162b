import 'server-only';
import { can, requirePermission, scopeOf } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { countWaiting, mySubmissions } from '@/lib/data/contributions';
import { STATUS_LABEL } from '@/lib/validation/contributions';
import { ROUTINE_ACTIONS } from '@/lib/audit-labels';

const STATUS_ORDER = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'] as const;

/** Issues grouped by status, for users who may read unpublished issues. */
export async function issuesByStatus(user: SessionUser) {
  requirePermission(user, 'issue:read');
  const issues = await db.issue.findMany({
    orderBy: [{ month: 'desc' }, { title: 'asc' }],
    select: { id: true, slug: true, title: true, status: true, month: true, updatedAt: true },
  });
  return STATUS_ORDER.map((status) => ({ status, issues: issues.filter((i) => i.status === status) }));
}

export type Task = { label: string; href?: string };

/** What needs this user's attention now. Contributors only ever see their own submissions here. */
export async function myTasks(user: SessionUser) {
  const tasks: Task[] = [];
  if (can(user, 'contribution:review')) {
    const waiting = await countWaiting(user);
    if (waiting > 0) {
      tasks.push({
        label: `Review ${waiting} ${waiting === 1 ? 'submission' : 'submissions'} waiting for a decision`,
        href: '/admin/contributions',
      });
    }
  }
  if (scopeOf(user, 'contribution:create') === 'own') {
    for (const s of await mySubmissions(user)) {
      tasks.push({ label: `Your submission “${s.title}”: ${STATUS_LABEL[s.status]}`, href: `/admin/contributions/${s.id}` });
    }
  }
  if (scopeOf(user, 'intro:approve') === 'any') {
    const waiting = await db.section.findMany({
      // Approval clears approvalRequestedAt; a resubmission after an earlier approval sets it again.
      where: { kind: 'INTRO', approvalRequestedAt: { not: null } },
      select: { issue: { select: { id: true, title: true } } },
    });
    for (const w of waiting) tasks.push({ label: `Approve the intro of ${w.issue.title}`, href: `/admin/issues/${w.issue.id}/approval` });
  }
  if (scopeOf(user, 'issue:update') === 'any') {
    const drafts = await db.issue.findMany({
      where: { status: { in: ['DRAFT', 'IN_REVIEW'] } },
      orderBy: { month: 'asc' },
      select: { id: true, title: true, status: true },
    });
    for (const d of drafts) {
      tasks.push({ label: `Finish ${d.title} (${d.status === 'DRAFT' ? 'draft' : 'in review'})`, href: `/admin/issues/${d.id}` });
    }
  }
  return tasks;
}

/** Recent changes from the audit log; sign-ins and the like stay in the log itself. */
export async function recentActivity(user: SessionUser, take = 15) {
  requirePermission(user, 'audit:read');
  return db.auditLog.findMany({
    where: { action: { notIn: ROUTINE_ACTIONS } },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, action: true, entityType: true, entityId: true, createdAt: true, actor: { select: { name: true } } },
  });
}
