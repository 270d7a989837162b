// The shape of an imported bulletin before anything is saved: what the review
// screen shows next to the source, with every guess the importer made flagged.

/** A guess the editor should check, and why it is uncertain. */
export type ImportFlag = { field: string; reason: string };

/** One logical line of the source, with the 0-based source line it came from. */
export type SourceLine = { line: number; text: string };

export type DraftBlock =
  | { type: 'paragraph'; text: string; lead?: string; lines: number[] }
  | { type: 'heading'; text: string; lines: number[] }
  | { type: 'bullet'; text: string; lines: number[] }
  | { type: 'quote'; text: string; lines: number[] };

export type DraftSession = {
  /** London calendar date, YYYY-MM-DD. */
  date: string;
  /** London wall-clock HH:MM, null for an all-day session. */
  start: string | null;
  end: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  label: string | null;
};

export type DraftEvent = {
  title: string;
  isFree: boolean;
  cost: string | null;
  mode: 'ONLINE' | 'IN_PERSON' | 'HYBRID';
  platform: string | null;
  venueName: string | null;
  venueAddress: string | null;
  audience: string | null;
  presenters: string[];
  /** Organisation the presenters are "from", as written. */
  presenterOrganisation: string | null;
  /** "Register by" day, YYYY-MM-DD. */
  registrationDeadline: string | null;
  /** The booking route as written ("Request your space"); link targets are not in plain text. */
  registrationContact: string | null;
  saveTheDate: boolean;
  sessions: DraftSession[];
  /** Text of the event that no field took, in order. */
  description: string[];
  /** The source lines the event was read from (0-based). */
  lines: number[];
  flags: ImportFlag[];
};

export type DraftSection = {
  kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST';
  title: string;
  /** The source line the title was read from; null when the importer had to name the section. */
  headingLine: number | null;
  blocks: DraftBlock[];
  events: DraftEvent[];
  signOff: string | null;
  signatory: string | null;
  /** Authors named in the text ("Hello, my name is …"), to be matched to people. */
  bylines: string[];
  lines: number[];
  flags: ImportFlag[];
};

export type BulletinDraft = {
  title: string;
  /** First day of the issue month, YYYY-MM-01; null when the title names no month. */
  month: string | null;
  /** Blog-export furniture (author handle, "Oct 24", "6 min read", "Comments"), kept so nothing is lost. */
  meta: { text: string; line: number }[];
  publishedOn: string | null;
  sections: DraftSection[];
  flags: ImportFlag[];
};
