import 'server-only';

/** A search for `q` anywhere in a value, with LIKE's own characters (`%`, `_`, `\`) taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
