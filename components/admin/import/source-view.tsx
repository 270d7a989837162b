/**
 * The source as the importer read it, line by line with its number, so the editor
 * can compare each part of the draft ("source lines 3–9") with what it came from.
 * A scrolling region reachable from the keyboard.
 */
export function SourceView({ source, name }: { source: string; name: string }) {
  const lines = source.split('\n');
  return (
    <section aria-labelledby="import-source-heading" className="min-w-0">
      <h2 id="import-source-heading" className="text-2xl font-bold">Source</h2>
      <p className="mt-1 text-[var(--color-muted)]">{name ? `From the file “${name}”.` : 'The text you pasted.'} {lines.length} lines.</p>
      <div
        role="region"
        aria-label="Source text, line by line"
        tabIndex={0}
        className="mt-2 max-h-[48rem] overflow-auto rounded border-2 border-gray-800 bg-white p-2 md:sticky md:top-4"
      >
        <ol className="font-mono text-sm">
          {lines.map((line, i) => (
            <li key={i} id={`source-line-${i + 1}`} className="grid scroll-mt-2 grid-cols-[3.5rem_1fr] gap-2 target:bg-yellow-100">
              <span className="select-none text-right text-[var(--color-muted)]" aria-hidden="true">{i + 1}</span>
              <span className="whitespace-pre-wrap break-words">{line || '\u00a0'}</span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** "From source lines 3–9." for 0-based line numbers, linked to the first line in the source; nothing when there are none. */
export function FromLines({ lines }: { lines: number[] }) {
  if (lines.length === 0) return null;
  const first = Math.min(...lines) + 1;
  const last = Math.max(...lines) + 1;
  return (
    <p className="text-[var(--color-muted)]">
      From{' '}
      <a href={`#source-line-${first}`} className="text-[var(--color-brand)] underline">
        {first === last ? `source line ${first}` : `source lines ${first}–${last}`}
      </a>
      .
    </p>
  );
}
