export type Placed = { id: string; title: string; kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST' };

/**
 * Where a new section goes unless the editor chooses ("start" or the id of the
 * section it follows): before the first event list, since articles belong with
 * the intro rather than after the template's event lists; else at the end.
 */
export function defaultPlacement(sections: Placed[]): string {
  const firstList = sections.findIndex((s) => s.kind === 'EVENT_LIST');
  if (firstList === 0) return 'start';
  return (firstList < 0 ? sections.at(-1) : sections[firstList - 1])?.id ?? 'start';
}
