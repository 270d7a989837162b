import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

/**
 * A Prisma client over node-postgres. Used by the app (through lib/db.ts),
 * the seed, the tests and the benchmark; Prisma 7 needs no native engine this way.
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
