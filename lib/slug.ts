/** "Who’s Got You? – For Managers" → "whos-got-you-for-managers" */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'"]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/** Unique anchors for a list of headings, in order: "events", "events-2", … */
export function uniqueSlugs(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((t) => {
    const base = slugify(t) || 'section';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
