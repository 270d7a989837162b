import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules in eslint.config.mjs (docs/decisions/019-layering.md) must
// actually fire: a cycle, lib/data importing lib/actions, the jobs client importing lib/data.
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, ignore: false });

const ruleIds = (results: ESLint.LintResult[]) => results.flatMap((r) => r.messages.map((m) => m.ruleId));

describe('import rules', () => {
  it('fails on an import cycle', async () => {
    const results = await eslint.lintFiles(['tests/fixtures/import-cycle/a.ts']);
    expect(ruleIds(results)).toContain('import/no-cycle');
  }, 60_000);

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
