import type { Prisma } from '../generated/prisma/client';
import { sectionCopySelect } from './section-content';

type Tx = Prisma.TransactionClient;

/**
 * Writes the publication snapshot (decision 017): a copy of the issue's title, summary
 * and sections (rich text, bylines, signatory, ordered event refs) as readers will see
 * them. Called only inside the publish transaction, after the status change, so the
 * snapshot, the status and the audit row commit together. The previous publication is
 * kept (history) but no longer current. Empty sections are left out: a heading with
 * nothing under it is not published (the checklist warns about them).
 */
export async function writePublicationSnapshot(
  tx: Tx,
  issueId: string,
  publishedById: string | null,
  now: Date,
): Promise<{ id: string; revision: number }> {
  const issue = await tx.issue.findUniqueOrThrow({
    where: { id: issueId },
    select: {
      title: true,
      summary: true,
      sections: {
        orderBy: { position: 'asc' },
        select: { id: true, ...sectionCopySelect },
      },
    },
  });
  const last = await tx.issuePublication.findFirst({
    where: { issueId },
    orderBy: { revision: 'desc' },
    select: { revision: true },
  });
  await tx.issuePublication.updateMany({ where: { issueId, current: true }, data: { current: false } });
  const revision = (last?.revision ?? 0) + 1;
  const publication = await tx.issuePublication.create({
    data: { issueId, revision, current: true, title: issue.title, summary: issue.summary, publishedAt: now, publishedById },
    select: { id: true },
  });
  for (const section of issue.sections.filter((s) => !isEmptySection(s))) {
    await tx.publishedSection.create({
      data: {
        publicationId: publication.id,
        sectionId: section.id,
        position: section.position,
        kind: section.kind,
        title: section.title,
        body: section.body as Prisma.InputJsonValue,
        bylineOrganisationId: section.bylineOrganisationId,
        signOff: section.signOff,
        signatoryId: section.signatoryId,
        bylines: { create: section.bylines },
        events: { create: section.events },
      },
    });
  }
  return { id: publication.id, revision };
}

/** A section with no text and no events would publish as a bare heading. */
export function isEmptySection(section: { kind: string; body: unknown; events: unknown[] }): boolean {
  if (section.kind === 'EVENT_LIST') return section.events.length === 0;
  return !hasText(section.body);
}

function hasText(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const { text, content, type } = node as { text?: unknown; content?: unknown; type?: unknown };
  if (typeof text === 'string' && text.trim() !== '') return true;
  if (type === 'image') return true;
  return Array.isArray(content) && content.some(hasText);
}
