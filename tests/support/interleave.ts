import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Query = Parameters<Adapter['queryRaw']>[0];
type Step = { after: RegExp; run: () => Promise<void> };

/**
 * A Prisma client whose queries can be interleaved with another session's writes:
 * `afterQuery(pattern, run)` runs `run` once, right after the first query whose SQL
 * matches, before Prisma sees its rows or sends the next query. Prisma reads nested
 * relations with one query per level, so this puts a concurrent change exactly
 * between two of them, every time.
 */
export function interleavingClient(url: string) {
  const steps: Step[] = [];
  const log: string[] = [];
  const base = new PrismaPg({ connectionString: url, max: 3 });

  const wrap = <T extends object>(queryable: T): T =>
    new Proxy(queryable, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'queryRaw') {
          return async (query: Query) => {
            const result = await (value as Adapter['queryRaw']).call(target, query);
            log.push(query.sql);
            const i = steps.findIndex((s) => s.after.test(query.sql));
            if (i >= 0) await steps.splice(i, 1)[0]!.run();
            return result;
          };
        }
        if (prop === 'startTransaction') {
          return async (...args: unknown[]) => wrap((await (value as (...a: unknown[]) => Promise<object>).apply(target, args)) as object);
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });

  const adapter = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wrap(await base.connect()),
  } as unknown as PrismaPg;
  return {
    prisma: new PrismaClient({ adapter }),
    afterQuery(after: RegExp, run: () => Promise<void>) {
      steps.push({ after, run });
    },
    /** Steps whose query never ran: a test asserts none are left, so it cannot pass without the race. */
    pendingSteps: () => steps.length,
    log,
  };
}
