// Mentions in comments. The rule: "@" followed by a person's full name as their
// account shows it (case-insensitive), e.g. "@Sam Jones". The "@" must start the
// text or follow a space or punctuation (so email addresses are not mentions), and
// the name must end at a space, punctuation or the end (so "@Sam Jonesy" is not
// "@Sam Jones"). Where two names fit ("@Sam Jones" and "@Sam Jones-Smith"), the
// longer wins.

export type MentionCandidate = { id: string; name: string };

const WORD = /[\p{L}\p{N}_]/u;

export function parseMentions(text: string, candidates: MentionCandidate[]): string[] {
  const byLength = candidates
    .map((c) => ({ id: c.id, name: c.name.trim().toLocaleLowerCase('en-GB') }))
    .filter((c) => c.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLocaleLowerCase('en-GB');
  const found: string[] = [];
  for (let i = lower.indexOf('@'); i !== -1; i = lower.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(lower[i - 1]!)) continue;
    const rest = lower.slice(i + 1);
    const match = byLength.find((c) => rest.startsWith(c.name) && !(rest.length > c.name.length && WORD.test(rest[c.name.length]!)));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}
