// Names in bulletin prose: presenters ("Presented by A, B and C from X",
// "Led by A", "Join Professor A for …") and the organisation they come from.

export type Presenters = { names: string[]; organisation: string | null };

const NAME = /^(?:(?:Professor|Prof\.?|Dr\.?|Mr|Mrs|Ms|Dame|Sir)\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,3}$/u;
export const isPersonName = (s: string) => NAME.test(s.trim());

function splitNames(list: string): string[] {
  return list
    .split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Presenters named in one line of text, or null when it names none. */
export function findPresenters(text: string): Presenters | null {
  const by = /\b(?:presented|led|hosted|facilitated|delivered|chaired)\s+by\s+(.+)$/i.exec(text);
  if (by) {
    let rest = by[1]!.replace(/[.!]\s*$/, '');
    let organisation: string | null = null;
    const from = /\s+(?:from|of)\s+(?:the\s+)?(\p{Lu}.+)$/u.exec(rest) ?? /\s+[–—-]\s+(\p{Lu}.+)$/u.exec(rest);
    if (from) {
      organisation = from[1]!.trim();
      rest = rest.slice(0, from.index);
    }
    // "Led by Delroy Madden, this session explores …": the names end where the sentence goes on.
    const tail = /,\s+\p{Ll}/u.exec(rest);
    if (tail && !/^,\s+and\s/.test(rest.slice(tail.index))) rest = rest.slice(0, tail.index);
    const names = splitNames(rest).filter(isPersonName);
    return names.length ? { names, organisation } : null;
  }
  const join =
    /\bJoin\s+((?:(?:Professor|Prof\.?|Dr\.?)\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+)\s+(?:for|to|as|in|at|on|who)\b/u.exec(
      text,
    );
  if (join && isPersonName(join[1]!)) return { names: [join[1]!], organisation: null };
  return null;
}
