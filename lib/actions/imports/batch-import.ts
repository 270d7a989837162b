'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { importBatch, type BatchReport } from '@/lib/data/import';
import { batchImportSchema, importFileProblem } from '@/lib/validation/imports';
import type { BatchResult } from './review-types';

/**
 * Several files, each to its own DRAFT issue (importBatch: one transaction per file).
 * A file of the wrong kind, empty or too large is reported without being read; the
 * report lists every file in the order chosen.
 */
export const batchImportAction = createAction({
  schema: batchImportSchema,
  permission: 'issue:create',
  run: async (input, { user }): Promise<BatchResult> => {
    const checked = input.files.map((file) => ({ file, problem: importFileProblem(file) }));
    const readable = await Promise.all(
      checked.filter((c) => !c.problem).map(async (c) => ({ name: c.file.name, bytes: new Uint8Array(await c.file.arrayBuffer()) })),
    );
    const made = readable.length ? await importBatch(user, readable) : [];
    let next = 0;
    const report: BatchReport[] = checked.map((c) =>
      c.problem ? { file: c.file.name, ok: false, issue: null, messages: [c.problem], flags: 0 } : made[next++]!,
    );
    if (report.some((r) => r.ok)) revalidatePath('/admin/issues');
    return { report };
  },
});
