import type { ImportFlag } from '@/lib/import/types';

// A guess the importer is not sure of, shown where it applies: a visible marker and
// words (not colour alone), so the editor knows what to check before creating.

export const FLAG_BOX = 'mt-2 border-l-8 border-amber-600 bg-amber-50 p-3 text-gray-900';

export function Flags({ flags, label }: { flags: ImportFlag[]; label: string }) {
  if (flags.length === 0) return null;
  return (
    <div className={FLAG_BOX}>
      <p className="font-bold">
        <span aria-hidden="true">⚠ </span>
        {flags.length === 1 ? `Check this guess (${label})` : `Check these ${flags.length} guesses (${label})`}
      </p>
      <ul className="mt-1 list-disc pl-6">
        {flags.map((f, i) => (
          <li key={i}>
            <span className="font-bold">{f.field}:</span> {f.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function countFlags(draft: { flags: ImportFlag[]; sections: { flags: ImportFlag[]; events: { flags: ImportFlag[] }[] }[] }): number {
  return draft.flags.length + draft.sections.reduce((n, s) => n + s.flags.length + s.events.reduce((m, e) => m + e.flags.length, 0), 0);
}
