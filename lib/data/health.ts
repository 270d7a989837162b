import 'server-only';
import { db } from '@/lib/db';

/** How long readiness waits for the database before calling it unavailable. */
export const READY_TIMEOUT_MS = 2_000;

/**
 * Can this instance reach its database now? A load balancer asks this (via /readyz)
 * to stop sending signed-in traffic to an instance whose database is gone. A hung
 * connection counts as down after `timeoutMs`, so the check itself never hangs.
 */
export async function databaseReachable(timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
