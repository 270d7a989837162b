import 'server-only';
// What the publish gate looks at and what the issue page shows of it; shared by the
// workflow's status changes (lib/data/workflow.ts) and Publish changes (pending-changes.ts).
import { AppError } from '@/lib/errors';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { INTRO_FIELDS, type Tx } from '@/lib/data/workflow-tx';
import { changesSinceApproval } from '@/lib/workflow/approval-diff';
import { approvalState, introContentHash } from '@/lib/workflow/intro-hash';
import { publishGate, referencedMediaFiles, type GateResult, type GateSnapshot } from '@/lib/workflow/publish-gate';
import { availableTransitions } from '@/lib/workflow/state-machine';


type Reader = Pick<Tx, 'issue' | 'media' | 'comment'>;

// ---------------------------------------------------------------------------
// Reading: the gate snapshot and the workflow panel

/** Everything the publish gate looks at, with narrow selects; null if there is no such issue. */
export async function loadGateSnapshot(client: Reader, issueId: string): Promise<GateSnapshot | null> {
  const issue = await client.issue.findUnique({
    where: { id: issueId },
    select: {
      id: true,
      status: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          ...INTRO_FIELDS,
          kind: true,
          events: {
            orderBy: { position: 'asc' },
            select: {
              event: {
                select: {
                  id: true,
                  title: true,
                  registrationUrl: true,
                  registrationContact: true,
                  saveTheDate: true,
                  description: true,
                  _count: { select: { sessions: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) return null;
  const introRow = issue.sections.find((s) => s.kind === 'INTRO') ?? null;
  const events = new Map<string, GateSnapshot['events'][number]>();
  for (const s of issue.sections) {
    for (const { event: e } of s.events) {
      if (!events.has(e.id)) {
        events.set(e.id, {
          id: e.id,
          title: e.title,
          sessionCount: e._count.sessions,
          registrationUrl: e.registrationUrl,
          registrationContact: e.registrationContact,
          saveTheDate: e.saveTheDate,
          description: e.description,
        });
      }
    }
  }
  const files = referencedMediaFiles([...issue.sections.map((s) => s.body), ...[...events.values()].map((e) => e.description)]);
  const [media, comments] = await Promise.all([
    files.length
      ? client.media.findMany({ where: { fileName: { in: files } }, select: { fileName: true, alt: true, decorative: true } })
      : Promise.resolve([]),
    client.comment.findMany({
      where: { blocking: true, resolvedAt: null, section: { issueId } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, sectionId: true, section: { select: { title: true } } },
    }),
  ]);
  return {
    issueId: issue.id,
    live: issue.status === 'PUBLISHED',
    intro: introRow
      ? {
          id: introRow.id,
          title: introRow.title,
          body: introRow.body,
          signOff: introRow.signOff,
          signatoryId: introRow.signatoryId,
          approvalRequestedAt: introRow.approvalRequestedAt,
          approvedAt: introRow.approvedAt,
          approvedContentHash: introRow.approvedContentHash,
        }
      : null,
    sections: issue.sections.map((s) => ({ id: s.id, title: s.title, kind: s.kind, body: s.body, eventCount: s.events.length })),
    events: [...events.values()],
    media,
    blockingComments: comments.map((c) => ({ id: c.id, sectionId: c.sectionId!, sectionTitle: c.section?.title ?? '' })),
  };
}

/** The publish checklist for an issue; null if not found. */
export async function getPublishGate(user: SessionUser, issueId: string): Promise<GateResult | null> {
  requirePermission(user, 'issue:read');
  const snapshot = await loadGateSnapshot(db, issueId);
  return snapshot ? publishGate(snapshot) : null;
}

/** The issue page's workflow panel: status, intro approval, checklist and the steps this user may take. */
export async function getIssueWorkflow(user: SessionUser, issueId: string) {
  requirePermission(user, 'issue:read');
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: { id: true, slug: true, title: true, status: true, scheduledAt: true, publishedAt: true, emailOnPublish: true } });
  if (!issue) return null;
  const snapshot = (await loadGateSnapshot(db, issueId))!;
  const approver = snapshot.intro?.approvedAt
    ? await db.section.findUnique({ where: { id: snapshot.intro.id }, select: { approvedBy: { select: { id: true, name: true } }, approvedContent: true } })
    : null;
  return {
    issue,
    intro: snapshot.intro
      ? {
          id: snapshot.intro.id,
          state: approvalState(snapshot.intro),
          contentHash: introContentHash(snapshot.intro),
          approvalRequestedAt: snapshot.intro.approvalRequestedAt,
          approvedAt: snapshot.intro.approvedAt,
          approvedBy: approver?.approvedBy ?? null,
          changes: changesSinceApproval({ ...snapshot.intro, approvedContent: approver?.approvedContent ?? null }),
        }
      : null,
    gate: publishGate(snapshot),
    transitions: availableTransitions(user, issue.status).map((t) => ({ name: t.name, to: t.to, label: t.label })),
  };
}


/** The unmet items that hold back publishing (warnings do not). */
export const blockingUnmet = (gate: GateResult) => gate.items.filter((i) => !i.met && i.severity === 'blocking');

export function gateError(gate: GateResult, verb: 'scheduled' | 'published'): AppError {
  const unmet = blockingUnmet(gate);
  return new AppError('conflict', `The issue cannot be ${verb} yet: ${unmet.map((i) => i.message).join(' ')}`, { data: { gate } });
}

export async function gateFor(tx: Tx, issueId: string): Promise<GateResult> {
  const snapshot = await loadGateSnapshot(tx, issueId);
  if (!snapshot) throw new AppError('not_found', 'That issue no longer exists.');
  return publishGate(snapshot);
}

