import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The layering rules (docs/decisions/019-layering.md) must actually fire: a cycle
// (dependency-cruiser, .dependency-cruiser.cjs, run by `npm run lint`), lib/data
// importing lib/actions and the jobs client importing lib/data (eslint.config.mjs).
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });

const ruleIds = (results: ESLint.LintResult[]) => results.flatMap((r) => r.messages.map((m) => m.ruleId));

describe('import rules', () => {
  const cruise = (...args: string[]) =>
    promisify(execFile)(process.execPath, [path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), ...args, '--config', '.dependency-cruiser.cjs'], { cwd: root }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('fails on an import cycle', async () => {
    // The fixture is excluded from the tree's check, so the test lifts the exclusion.
    const result = await cruise('tests/fixtures/import-cycle', '--exclude', '^node_modules');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('no-circular: tests/fixtures/import-cycle/a.ts');
  }, 60_000);

  it('is part of npm run lint, over the whole tree', async () => {
    const { scripts } = (await import('../../package.json')) as { scripts: Record<string, string> };
    expect(scripts.lint).toContain('lint:cycles');
    const dirs = scripts['lint:cycles']!.split(' ').slice(1, -2);
    expect(dirs).toEqual(expect.arrayContaining(['app', 'components', 'lib', 'scripts', 'tests']));
  });

  it('fails when lib/data imports lib/actions', async () => {
    const results = await eslint.lintText("import { action } from '@/lib/actions/action';\n\nexport const x = action;\n", { filePath: path.join(root, 'lib/data/people.ts') });
    expect(ruleIds(results)).toContain('no-restricted-imports');
  }, 60_000);

  it('fails when the jobs client imports lib/data', async () => {
    const results = await eslint.lintText("import { overdueIssueIds } from '@/lib/data/workflow';\n\nexport const x = overdueIssueIds;\n", { filePath: path.join(root, 'lib/jobs/queues.ts') });
    expect(ruleIds(results)).toContain('no-restricted-imports');
  }, 60_000);

  it('passes the worker importing lib/data', async () => {
    const results = await eslint.lintText("import { overdueIssueIds } from '@/lib/data/workflow';\n\nexport const x = overdueIssueIds;\n", { filePath: path.join(root, 'lib/jobs/worker.ts') });
    expect(ruleIds(results)).not.toContain('no-restricted-imports');
  }, 60_000);

  it('fails on an inline alternates object in a page, which would drop the feed link', async () => {
    const inline = "import type { Metadata } from 'next';\n\nexport const metadata: Metadata = { alternates: { canonical: '/x' } };\n";
    const results = await eslint.lintText(inline, { filePath: path.join(root, 'app/(public)/issues/page.tsx') });
    expect(ruleIds(results)).toContain('no-restricted-syntax');
    const helper = "import type { Metadata } from 'next';\nimport { pageAlternates } from '@/lib/site';\n\nexport const metadata: Metadata = { alternates: pageAlternates('/x') };\n";
    expect(ruleIds(await eslint.lintText(helper, { filePath: path.join(root, 'app/(public)/issues/page.tsx') }))).not.toContain('no-restricted-syntax');
  }, 60_000);
});
