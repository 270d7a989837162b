import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '@/lib/import/parse-text';
import type { BulletinDraft } from '@/lib/import/types';
import { JUNE_2024 } from '@/prisma/seed/issues/june-2024';
import { OCTOBER_2025 } from '@/prisma/seed/issues/october-2025';
import { BULLETINS_DIR, readBulletin } from '../support/bulletins';
import { audienceChecks, eventChecks, scoreOf, sectionChecks, textChecks } from '../support/import-score';

// The two real bulletins, imported and compared with the hand-made seed field by field.
// The figures printed here are the ones in docs/IMPORT.md.
const cases = [
  { name: 'October 2025', file: '2025-10-regional-update.txt', seed: OCTOBER_2025 },
  { name: 'June 2024', file: '2024-06-regional-update.txt', seed: JUNE_2024 },
];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every source line index the draft accounts for, in the order the draft holds them. */
function coveredLines(draft: BulletinDraft): number[] {
  return [0, ...draft.meta.map((m) => m.line), ...draft.sections.flatMap((s) => s.lines)];
}

// Where the shared folder sits beside the repository (the project's machines), the
// copies in tests/fixtures must be the originals.
const SHARED = path.resolve(BULLETINS_DIR, '..', '..', '..', '..', 'shared', 'bulletins');
it.runIf(existsSync(SHARED))('the bulletins in tests/fixtures are the shared originals', () => {
  for (const { file } of cases) expect(readBulletin(file), file).toBe(readFileSync(path.join(SHARED, file), 'utf8'));
});

describe.each(cases)('importing the $name bulletin', ({ name, file, seed }) => {
  const source = readBulletin(file);
  const draft = parseBulletinText(source);

  it('gets at least 95% of the event fields the seed has', () => {
    const s = scoreOf(eventChecks(seed, draft));
    console.log(`${name} events: ${s.right}/${s.total} fields right (${s.percent.toFixed(1)}%)`, s.misses);
    expect(s.total).toBeGreaterThan(20);
    expect(s.percent).toBeGreaterThanOrEqual(95);
  });

  it('finds every section with its kind, in order, and the sign-off', () => {
    const s = scoreOf(sectionChecks(seed, draft));
    console.log(`${name} sections: ${s.right}/${s.total} right (${s.percent.toFixed(1)}%)`, s.misses);
    expect(s.misses).toEqual([]);
  });

  it('keeps the seed’s paragraphs word for word, apart from the reworded “click here” links', () => {
    const s = scoreOf(textChecks(seed, draft));
    console.log(
      `${name} paragraphs: ${s.right}/${s.total} found verbatim (${s.percent.toFixed(1)}%)`,
      s.misses.map((m) => m.what),
    );
    // A paragraph the seed keeps as a whole source line must come through word for word;
    // the misses are sentences the seed reworded (lost link targets) or put together.
    const sourceLines = new Set(source.split(/\r?\n/).map((l) => norm(l).toLowerCase()));
    for (const m of s.misses) expect(sourceLines.has(String(m.expected)), m.what).toBe(false);
  });

  it('reads the audience wherever the text states the seed’s', () => {
    const s = scoreOf(audienceChecks(seed, draft));
    console.log(
      `${name} audiences: ${s.right}/${s.total} right`,
      s.misses.map((m) => m.what),
    );
    // Every miss is an audience the seed wrote that the bulletin does not state.
    for (const m of s.misses)
      expect(source.toLowerCase().includes(String(m.expected).toLowerCase()), m.what).toBe(false);
  });

  it('loses no text: every non-blank source line is in exactly one part of the draft, in order', () => {
    const lines = source.split(/\r?\n/);
    const nonBlank = lines.flatMap((l, i) => (l.trim() ? [i] : []));
    const covered = coveredLines(draft);
    expect([...covered].sort((a, b) => a - b)).toEqual(nonBlank);
    const sectionOrder = draft.sections.map((s) => s.lines[0]!);
    expect(sectionOrder).toEqual([...sectionOrder].sort((a, b) => a - b));
  });

  it('keeps the text of every line that is not an event listing', () => {
    const lines = source.split(/\r?\n/);
    const kept = new Map<number, string>([[0, draft.title]]);
    const add = (line: number, text: string) => kept.set(line, `${kept.get(line) ?? ''} ${text}`.trim());
    for (const m of draft.meta) add(m.line, m.text);
    for (const s of draft.sections) {
      if (s.headingLine !== null) add(s.headingLine, s.title);
      for (const b of s.blocks) add(b.lines[0]!, `${'lead' in b && b.lead ? b.lead : ''} ${b.text}`);
      // What is left of an intro is its sign-off and the name under it, in that order.
      const used = new Set([s.headingLine, ...s.blocks.flatMap((b) => b.lines), ...s.events.flatMap((e) => e.lines)]);
      const rest = s.lines.filter((l) => !used.has(l));
      expect(rest.map((l) => norm(lines[l]!))).toEqual(s.kind === 'INTRO' ? [s.signOff, s.signatory] : []);
    }
    const eventLines = new Set(draft.sections.flatMap((s) => s.events.flatMap((e) => e.lines)));
    for (const [i, raw] of lines.entries()) {
      if (
        !raw.trim() ||
        eventLines.has(i) ||
        draft.sections.some(
          (s) => s.kind === 'INTRO' && s.lines.slice(-2).includes(i) && !s.blocks.some((b) => b.lines.includes(i)),
        )
      )
        continue;
      // Markers the draft holds as structure: a bullet, quotation marks, a heading's colon or full stop.
      const text = norm(raw)
        .replace(/^[·•]\s*/, '')
        .replace(/^["“”‘]|["“”’]$/g, '')
        .replace(/[:.]$/, '');
      expect(norm(kept.get(i) ?? ''), `line ${i + 1}`).toContain(text);
    }
  });
});
