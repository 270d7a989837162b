import type { EventMode, IssueStatus, SectionKind } from '../../lib/generated/prisma/enums';
import type { RichTextDoc } from '../../lib/rich-text/types';
import type { OrganisationSlug } from './organisations';
import type { PersonSlug } from './people';
import type { SessionSeed } from './time';
import type { TopicSlug } from './topics';

export type EventSeed = {
  slug: string;
  title: string;
  description: RichTextDoc;
  organiser: OrganisationSlug | null;
  audience: string | null;
  /** Every event in the bulletins is free; a paid one needs its cost. */
  price: { isFree: true } | { isFree: false; cost: string };
  mode: EventMode;
  platform?: string;
  venueName?: string;
  venueAddress?: string;
  registrationContact?: string;
  /** "Register by" day, YYYY-MM-DD (Europe/London calendar date). */
  registrationDeadline?: string;
  saveTheDate?: boolean;
  presenters?: PersonSlug[];
  topics?: TopicSlug[];
  sessions: SessionSeed[];
};

type SectionBase = {
  title: string;
  body: RichTextDoc;
  bylines?: PersonSlug[];
  bylineOrganisation?: OrganisationSlug;
  topics?: TopicSlug[];
};

export type IntroSectionSeed = SectionBase & {
  kind: Extract<SectionKind, 'INTRO'>;
  signOff: string;
  signatory: PersonSlug;
};
export type ArticleSectionSeed = SectionBase & { kind: Extract<SectionKind, 'ARTICLE'> };
export type EventListSectionSeed = SectionBase & { kind: Extract<SectionKind, 'EVENT_LIST'>; events: EventSeed[] };
export type SectionSeed = IntroSectionSeed | ArticleSectionSeed | EventListSectionSeed;

export type IssueSeed = {
  slug: string;
  title: string;
  /** First day of the month, YYYY-MM-01. */
  month: string;
  status: IssueStatus;
  summary: string;
  publishedAt: Date | null;
  sections: SectionSeed[];
};
