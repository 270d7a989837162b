import 'server-only';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { canonicalJson } from '@/lib/workflow/intro-hash';
import { isEmptySection } from '@/lib/workflow/publication-snapshot';
import { sectionContentSelect } from '@/lib/workflow/section-content';
import { publishInTx } from './workflow';
import { gateError, gateFor } from './workflow-gate';
import { afterCommit, issueFor, type Done } from './workflow-tx';

// "Publish changes" for a live issue (decision 017): the working title, summary and
// sections of a PUBLISHED issue are a pending revision until they are published again
// through the same gate, as a new publication snapshot.

type Reader = Prisma.TransactionClient | typeof db;

// Positions left out: renumbered bylines in the same order are no change for readers.
const sectionFields = {
  ...sectionContentSelect,
  bylines: { orderBy: { position: 'asc' }, select: { personId: true } },
  events: { orderBy: { position: 'asc' }, select: { eventId: true } },
} as const satisfies Prisma.SectionSelect;

type Comparable = {
  title: string;
  summary: string;
  sections: { kind: string; title: string; body: unknown; bylineOrganisationId: string | null; signOff: string | null; signatoryId: string | null; bylines: { personId: string }[]; events: { eventId: string }[] }[];
};

/** What readers would see, in a form where equal content gives equal text. */
function fingerprint(c: Comparable): string {
  return canonicalJson({ title: c.title, summary: c.summary, sections: c.sections.filter((s) => !isEmptySection(s)) });
}

/** True when a PUBLISHED issue's working content differs from its current publication. */
export async function hasPendingChanges(client: Reader, issueId: string): Promise<boolean> {
  const issue = await client.issue.findUnique({
    where: { id: issueId },
    select: {
      status: true,
      title: true,
      summary: true,
      sections: { orderBy: { position: 'asc' }, select: sectionFields },
      publications: { where: { current: true }, take: 1, select: { title: true, summary: true, sections: { orderBy: { position: 'asc' }, select: sectionFields } } },
    },
  });
  const live = issue?.publications[0];
  if (!issue || issue.status !== 'PUBLISHED' || !live) return false;
  return fingerprint(issue) !== fingerprint(live);
}

/** For the issue page: whether this editor should be offered "Publish changes". */
export async function getPendingChanges(user: SessionUser, issueId: string): Promise<{ pending: boolean }> {
  requirePermission(user, 'issue:read');
  return { pending: await hasPendingChanges(db, issueId) };
}

/** PUBLISHED → PUBLISHED with a new snapshot, gate, audit row and notification in one transaction. */
export async function publishChanges(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    if (issue.status !== 'PUBLISHED') throw new AppError('conflict', 'This issue is not live, so there are no changes to publish. Reload the page.');
    await tx.$queryRaw`SELECT id FROM "Issue" WHERE id = ${issue.id}::uuid FOR UPDATE`;
    if (!(await hasPendingChanges(tx, issue.id))) throw new AppError('conflict', 'There are no unpublished changes: readers already see this version.');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'published');
    const done = await publishInTx(tx, issue, 'PUBLISHED', user, now);
    if (!done) throw new AppError('conflict', 'Someone else changed this issue. Reload the page to see where it is.');
    return done;
  });
  await afterCommit(result, { revalidate: true });
  return result;
}
