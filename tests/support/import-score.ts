// Field-by-field comparison of an imported bulletin with the hand-made seed
// (prisma/seed/issues/*), the source of truth for what each bulletin should become.
import type { BulletinDraft, DraftEvent } from '@/lib/import/types';
import { PEOPLE } from '@/prisma/seed/people';
import { plainText } from '@/prisma/seed/rich-text';
import type { EventSeed, IssueSeed } from '@/prisma/seed/types';

export type Check = { what: string; ok: boolean; expected: unknown; actual: unknown };
export type Score = { right: number; total: number; percent: number; misses: Check[] };

const personName = (slug: string) => PEOPLE.find((p) => p.slug === slug)?.name ?? slug;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function score(checks: Check[]): Score {
  const right = checks.filter((c) => c.ok).length;
  return {
    right,
    total: checks.length,
    percent: checks.length ? (100 * right) / checks.length : 100,
    misses: checks.filter((c) => !c.ok),
  };
}

function check(checks: Check[], what: string, expected: unknown, actual: unknown) {
  checks.push({ what, ok: JSON.stringify(expected) === JSON.stringify(actual), expected, actual });
}

/** Event fields the importer is asked to get: found, title, price, mode, platform, venue, register-by, save the date, presenters, sessions. */
export function eventChecks(seed: IssueSeed, draft: BulletinDraft): Check[] {
  const checks: Check[] = [];
  for (const [si, section] of seed.sections.entries()) {
    if (section.kind !== 'EVENT_LIST') continue;
    const imported = draft.sections.find((s) => norm(s.title) === norm(section.title));
    for (const e of section.events) {
      const got: DraftEvent | undefined = imported?.events.find((x) => norm(x.title) === norm(e.title));
      const at = `${e.slug} (seed section ${si})`;
      check(checks, `${at}: found in its section`, true, got !== undefined);
      if (!got) continue;
      eventFieldChecks(checks, at, e, got);
    }
  }
  return checks;
}

function eventFieldChecks(checks: Check[], at: string, e: EventSeed, got: DraftEvent) {
  check(checks, `${at}: price`, e.price.isFree ? { isFree: true, cost: null } : { isFree: false, cost: e.price.cost }, {
    isFree: got.isFree,
    cost: got.cost,
  });
  check(checks, `${at}: mode`, e.mode, got.mode);
  check(checks, `${at}: platform`, e.platform ?? null, got.platform);
  check(checks, `${at}: venue name`, e.venueName ?? null, got.venueName);
  check(checks, `${at}: venue address`, e.venueAddress ?? null, got.venueAddress);
  check(checks, `${at}: register by`, e.registrationDeadline ?? null, got.registrationDeadline);
  check(checks, `${at}: save the date`, e.saveTheDate ?? false, got.saveTheDate);
  check(checks, `${at}: presenters`, (e.presenters ?? []).map(personName), got.presenters);
  check(checks, `${at}: number of sessions`, e.sessions.length, got.sessions.length);
  e.sessions.forEach((s, i) => {
    const g = got.sessions[i];
    check(checks, `${at}: session ${i + 1} starts`, s.startsAt.toISOString(), g?.startsAt.toISOString());
    check(checks, `${at}: session ${i + 1} ends`, s.endsAt.toISOString(), g?.endsAt.toISOString());
    check(checks, `${at}: session ${i + 1} all day`, s.allDay, g?.allDay);
    check(checks, `${at}: session ${i + 1} label`, s.label, g?.label);
  });
}

/** Each seed event's audience against the draft's (reported apart: the seed often states one the text does not). */
export function audienceChecks(seed: IssueSeed, draft: BulletinDraft): Check[] {
  const events = draft.sections.flatMap((s) => s.events);
  return seed.sections.flatMap((s) =>
    s.kind === 'EVENT_LIST'
      ? s.events.map((e) => {
          const got = events.find((x) => norm(x.title) === norm(e.title))?.audience ?? null;
          return { what: `${e.slug}: audience`, ok: got === e.audience, expected: e.audience, actual: got };
        })
      : [],
  );
}

/** Sections in order with their kind, the intro's sign-off and signatory, the title and month. */
export function sectionChecks(seed: IssueSeed, draft: BulletinDraft): Check[] {
  const checks: Check[] = [];
  check(checks, 'issue title', seed.title, draft.title);
  check(checks, 'issue month', seed.month, draft.month);
  check(checks, 'number of sections', seed.sections.length, draft.sections.length);
  seed.sections.forEach((s, i) => {
    const got = draft.sections[i];
    check(checks, `section ${i + 1} title`, s.title, got?.title);
    check(checks, `section ${i + 1} kind`, s.kind, got?.kind);
    check(checks, `section ${i + 1} bylines`, (s.bylines ?? []).map(personName), got?.bylines);
    if (s.kind === 'INTRO') {
      check(checks, 'sign-off', s.signOff, got?.signOff);
      check(checks, 'signatory', personName(s.signatory), got?.signatory);
    }
  });
  return checks;
}

/** Share of the seed's paragraphs (and events' descriptions) found word for word in the draft. */
export function textChecks(seed: IssueSeed, draft: BulletinDraft): Check[] {
  const checks: Check[] = [];
  const have = new Set(
    draft.sections.flatMap((s) => [
      ...s.blocks.map((b) => norm(`${'lead' in b && b.lead ? `${b.lead} ` : ''}${b.text}`)),
      ...s.events.flatMap((e) => e.description.map(norm)),
    ]),
  );
  for (const s of seed.sections) {
    const blocks = [
      ...s.body.content,
      ...(s.kind === 'EVENT_LIST' ? s.events.flatMap((e) => e.description.content) : []),
    ];
    for (const b of blocks) {
      const items =
        b.type === 'bulletList' || b.type === 'blockquote' ? (b.content as Parameters<typeof plainText>[0][]) : [b];
      for (const item of items) {
        const t = norm(plainText(item));
        if (t)
          checks.push({ what: `“${t.slice(0, 60)}”`, ok: have.has(t), expected: t, actual: have.has(t) ? t : null });
      }
    }
  }
  return checks;
}

export const scoreOf = score;
