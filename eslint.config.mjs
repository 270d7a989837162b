import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    'lib/generated/**',
    '.data/**',
    'node_modules/**',
    'playwright-report/**',
    'test-results/**',
    'next-env.d.ts',
    'tests/fixtures/**',
  ]),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Components never talk to the database directly; they go through lib/data.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/db', message: 'Use a function from lib/data instead.' },
            { name: '@/lib/prisma-client', message: 'Use a function from lib/data instead.' },
          ],
          patterns: [{ group: ['@/lib/generated/prisma/client'], message: 'Use a function from lib/data instead.' }],
        },
      ],
    },
  },
  {
    // Next.js replaces the layout's `alternates` with a page's own, so an inline one
    // drops the Atom feed link; pageAlternates() (lib/site.ts) adds it back.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='alternates'][value.type='ObjectExpression']",
          message: "Use pageAlternates(path) from '@/lib/site': an inline alternates object replaces the layout's and loses the feed link.",
        },
      ],
    },
  },
  {
    // Data never imports actions: actions call data, and errors flow up as AppError.
    files: ['lib/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/actions', '@/lib/actions/*', '**/actions/*'], message: 'lib/data never imports lib/actions; throw AppError from @/lib/errors instead.' }] },
      ],
    },
  },
  {
    // The jobs client (enqueue, names, the queue) imports no domain code; only the worker does.
    files: ['lib/jobs/boss.ts', 'lib/jobs/queues.ts', 'lib/jobs/names.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/lib/data', '@/lib/data/*', '../data/*', './worker', './publish-scheduled', './send-email'], message: 'The jobs client imports no domain code; register handlers in lib/jobs/worker.ts.' },
          ],
        },
      ],
    },
  },
]);
