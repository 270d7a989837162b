import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': import.meta.dirname,
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Property tests render thousands of documents; on a loaded 2-core machine that
        // can pass 5 s. A time limit here guards against hangs, not slowness.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/schema-engine/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Some tests spawn the Prisma CLI or the whole app.
          testTimeout: 120_000,
          // Most of an integration test's time is spent waiting on PostgreSQL or a served
          // app, so three files at once use two cores better than vitest's default here
          // (cores − 1 = one file at a time). Each file has its own database (tests/support/db.ts).
          maxWorkers: 3,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
