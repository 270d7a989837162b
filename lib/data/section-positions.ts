import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * Frees the slot at `index` among `sections` (an issue's sections in order) and
 * returns the position a new section there takes. At the end that is max + 1;
 * elsewhere positions are rewritten as 0..n with a gap at `index`. The unique
 * (issueId, position) index rules out shifting in place, so they park above first.
 */
export async function openSlot(tx: Tx, issueId: string, sections: { id: string; position: number }[], index: number): Promise<number> {
  if (index >= sections.length) return (sections.at(-1)?.position ?? -1) + 1;
  const park = (sections.at(-1)?.position ?? 0) + sections.length + 2;
  await tx.section.updateMany({ where: { issueId }, data: { position: { increment: park } } });
  for (const [i, s] of sections.entries()) {
    await tx.section.update({ where: { id: s.id }, data: { position: i < index ? i : i + 1 }, select: { id: true } });
  }
  return index;
}
