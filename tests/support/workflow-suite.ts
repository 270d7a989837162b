// The setup the workflow test files share: a seeded throwaway database (./workflow.ts),
// the demo users, the public pages the code asked to refresh, and issues taken along
// the workflow (submitted, approved, published).
//
// `testDb` and `as` are live bindings: call workflowSuite() at the top of a file,
// then read them in tests. Modules that use lib/db are imported after the database
// exists (dynamically, in a test's own beforeAll or in the helpers below).
import { afterAll, beforeAll, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { introContentHash } from '@/lib/workflow/intro-hash';
import type { TestDatabase } from './db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from './workflow';

export let testDb: TestDatabase;
export let as: Record<Who, SessionUser>;
/** The issue slugs of each public-content refresh asked for, in order. */
export const revalidated: string[][] = [];

export function workflowSuite(opts: { after?: () => Promise<void> } = {}) {
  // doMock, not mock: it applies to the imports that follow, and lib/ is imported only after the database exists.
  vi.doMock('@/lib/revalidate', () => ({
    revalidatePublicContent: (o: { issueSlugs?: string[] }) => void revalidated.push(o.issueSlugs ?? []),
  }));
  beforeAll(async () => {
    ({ testDb, as } = await setUpWorkflowDatabase());
  });
  afterAll(async () => {
    await opts.after?.();
    await tearDownWorkflowDatabase(testDb);
  });
}

/** The hash a sponsor approves: of the intro as it is now. */
export async function introHash(introId: string) {
  const s = await testDb.prisma.section.findUniqueOrThrow({ where: { id: introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
  return introContentHash(s);
}

const workflow = () => import('@/lib/data/workflow');

/** An issue whose intro waits for the sponsor (IN_REVIEW). */
export async function submittedIssue() {
  const wf = await workflow();
  const issue = await makeIssue(testDb, { createdById: as.editor.id });
  await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
  return issue;
}

/** An issue whose intro the sponsor approved (APPROVED). */
export async function approvedIssue() {
  const wf = await workflow();
  const issue = await submittedIssue();
  await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: await introHash(issue.introId) });
  return issue;
}

/** A published issue. */
export async function publishedIssue() {
  const wf = await workflow();
  const issue = await approvedIssue();
  await wf.publishIssue(as.editor, { issueId: issue.id });
  return issue;
}
