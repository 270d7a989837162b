import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Writes an audit row; call it inside the same $transaction as the change. */
export function audit(
  tx: Tx,
  entry: { actorId: string | null; action: string; entityType: string; entityId?: string | null; details?: Prisma.InputJsonValue },
) {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
    },
    select: { id: true },
  });
}
