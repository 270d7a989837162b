// What the import actions return to the import page. No server-only imports, so the
// client components can use the types.
import type { BulletinDraft } from '@/lib/import/types';
import type { BatchReport } from '@/lib/data/import';

/** A bulletin read for review: its text in the importer's shape (carried to "Create draft issue"), the file it came from, and the draft. */
export type ImportReview = { source: string; sourceName: string; draft: BulletinDraft };

export type BatchResult = { report: BatchReport[] };

export function isImportReview(v: unknown): v is ImportReview {
  return !!v && typeof v === 'object' && typeof (v as ImportReview).source === 'string' && !!(v as ImportReview).draft;
}
