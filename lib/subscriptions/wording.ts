// What a reader is told when they subscribe. Consent records keep the version
// they saw (UK GDPR art. 7(1): be able to show what was agreed to), so a change
// to the wording is a new version here, never an edit of an old one.

export const WORDINGS = {
  '2026-12': {
    summary:
      'We will email you when each new issue of Regional Update is published. You can also choose a weekly or monthly list of upcoming events with their booking deadlines.',
    detail:
      'We use your address only to send these emails. We first send an email asking you to confirm, and nothing else until you do. Every email has a link to change what you get or to unsubscribe.',
  },
} as const;

export type WordingVersion = keyof typeof WORDINGS;
export const WORDING_VERSIONS = Object.keys(WORDINGS) as [WordingVersion, ...WordingVersion[]];
export const CURRENT_WORDING: WordingVersion = '2026-12';
