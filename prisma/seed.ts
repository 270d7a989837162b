// Seed CLI: `tsx prisma/seed.ts` with DATABASE_URL set (also `prisma db seed`).
// In production (NODE_ENV=production) demo users with default passwords are skipped.
import { createPrismaClient } from '../lib/prisma-client';
import { formatSummary, seed } from './seed/index';

/** Prisma's errors start with a code frame of the failing call; the cause is on the last line. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (process.env.DEBUG) return err.stack ?? err.message;
  const lines = err.message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return err.message.includes('Invalid `') ? (lines.at(-1) ?? err.message) : err.message;
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Seed failed: DATABASE_URL is not set. Run it as `DATABASE_URL=postgres://… npx tsx prisma/seed.ts`.',
    );
    return 1;
  }
  const prisma = createPrismaClient(url, { max: 2 });
  try {
    const summary = await seed(prisma, { production: process.env.NODE_ENV === 'production' });
    console.log(`Seed complete.\n${formatSummary(summary)}`);
    return 0;
  } catch (err) {
    console.error(`Seed failed: ${describe(err)}`);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`Seed failed: ${describe(err)}`);
    process.exitCode = 1;
  },
);
