// @ts-check
// Fast synthetic archive for the benchmark: 10 years of monthly issues written
// with a handful of multi-row INSERT … SELECT FROM json_populate_recordset(…)
// statements (one JSON parameter per batch), so triggers — including the ones
// that maintain the search vectors — fire exactly as they do for the app's writes.
import { randomUUID } from 'node:crypto';
import {
  createRandom,
  EVENT_AUDIENCES,
  eventTitle,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  richDoc,
  sectionTitle,
  sentence,
  THEME_SLUGS,
  VENUES,
} from './text.mjs';

/** @typedef {{ slug: string, name: string, shortName: string | null, kind: string, website: string | null }} OrganisationRef */
/** @typedef {{ slug: string, name: string, jobTitle: string | null, organisation: string | null }} PersonRef */
/** @typedef {{ slug: string, name: string }} TopicRef */
/** @typedef {{ organisations: OrganisationRef[], people: PersonRef[], topics: TopicRef[] }} ReferenceData */

export const DEFAULT_SHAPE = {
  years: 10,
  sectionsPerIssue: 20,
  events: 3000,
  /** Positions of the EVENT_LIST sections in every issue (the rest are ARTICLEs after the INTRO). */
  eventListPositions: [9, 17],
  syntheticPeople: 60,
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** @param {string} s */
const slugify = (s) =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** @param {number} y @param {number} m0 @param {number} d */
const ymd = (y, m0, d) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

const londonOffsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
/** The instant of a Europe/London wall-clock time. @param {string} date YYYY-MM-DD @param {number} h @param {number} min */
function londonInstant(date, h, min) {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(/** @type {number} */ (y), /** @type {number} */ (m) - 1, d, h, min);
  const name = londonOffsetFormat.formatToParts(new Date(guess)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offsetHours = Number(/GMT([+-]\d+)/.exec(name)?.[1] ?? 0);
  return new Date(guess - offsetHours * 3600_000);
}

/**
 * Inserts rows through the table's row type, in batches, one JSON parameter per batch.
 * @param {import('pg').ClientBase} client @param {string} table @param {Record<string, unknown>[]} rows
 */
async function insertRows(client, table, rows, batchSize = 500) {
  if (rows.length === 0) return;
  const columns = Object.keys(/** @type {Record<string, unknown>} */ (rows[0]));
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    await client.query(
      `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      [JSON.stringify(batch)],
    );
  }
}

/**
 * @param {import('pg').ClientBase} client  connected to a freshly migrated, empty database
 * @param {ReferenceData} refs  the real seed's organisations, people and topics
 * @param {{ now?: Date, shape?: Partial<typeof DEFAULT_SHAPE>, log?: (s: string) => void }} [opts]
 */
export async function seedArchive(client, refs, opts = {}) {
  const shape = { ...DEFAULT_SHAPE, ...opts.shape };
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const r = createRandom();
  const stamp = now.toISOString();

  // Reference data: the real organisations and topics, the real people plus synthetic colleagues.
  const organisations = refs.organisations.map((o) => ({ id: randomUUID(), ...o, createdAt: stamp, updatedAt: stamp }));
  const orgIdBySlug = new Map(organisations.map((o) => [o.slug, o.id]));
  const topics = refs.topics.map((t) => ({ id: randomUUID(), slug: t.slug, name: t.name }));
  const topicIdBySlug = new Map(topics.map((t) => [t.slug, t.id]));
  const people = refs.people.map((p) => ({
    id: randomUUID(),
    slug: p.slug,
    name: p.name,
    jobTitle: p.jobTitle,
    organisationId: p.organisation ? (orgIdBySlug.get(p.organisation) ?? null) : null,
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const usedSlugs = new Set(people.map((p) => p.slug));
  while (people.length < refs.people.length + shape.syntheticPeople) {
    const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    const slug = slugify(name);
    if (usedSlugs.has(slug)) continue;
    usedSlugs.add(slug);
    people.push({
      id: randomUUID(),
      slug,
      name,
      jobTitle: r.pick(JOB_TITLES),
      organisationId: r.pick(organisations).id,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  const signatory = people.find((p) => p.slug === 'emma-taylor') ?? people[0];
  if (!signatory) throw new Error('No people in the reference data');
  const topicId = (/** @type {string} */ slug) => topicIdBySlug.get(slug);

  /** @type {Record<string, unknown>[]} */ const issues = [];
  /** @type {Record<string, unknown>[]} */ const sections = [];
  /** @type {Record<string, unknown>[]} */ const bylines = [];
  /** @type {Record<string, unknown>[]} */ const sectionTopics = [];
  /** @type {Record<string, unknown>[]} */ const events = [];
  /** @type {Record<string, unknown>[]} */ const sessions = [];
  /** @type {Record<string, unknown>[]} */ const presenters = [];
  /** @type {Record<string, unknown>[]} */ const eventTopics = [];
  /** @type {Record<string, unknown>[]} */ const sectionEvents = [];
  let words = 0;

  const issueCount = shape.years * 12;
  const eventListsPerIssue = shape.eventListPositions.length;
  let eventsLeft = shape.events;
  const eventSlugs = new Set();

  for (let k = 0; k < issueCount; k++) {
    // Oldest first; the newest issue covers the current month.
    const monthsBack = issueCount - 1 - k;
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1));
    const year = first.getUTCFullYear();
    const m0 = first.getUTCMonth();
    const monthName = /** @type {string} */ (MONTHS[m0]);
    const issueId = randomUUID();
    const themes = r.sample(THEME_SLUGS, 4);
    const issueTheme = /** @type {string} */ (themes[0]);
    const publishedAt = londonInstant(ymd(year, m0, r.int(1, 6)), 10, 0);
    issues.push({
      id: issueId,
      slug: `regional-update-${monthName.toLowerCase()}-${year}`,
      title: `Regional Update – ${monthName} ${year}`,
      month: ymd(year, m0, 1),
      status: 'PUBLISHED',
      summary: `${sentence(r, issueTheme)} ${sentence(r, /** @type {string} */ (themes[1]))}`,
      publishedAt: publishedAt.toISOString(),
      version: 1,
      createdAt: publishedAt.toISOString(),
      updatedAt: publishedAt.toISOString(),
    });

    for (let position = 0; position < shape.sectionsPerIssue; position++) {
      const sectionId = randomUUID();
      const listIndex = shape.eventListPositions.indexOf(position);
      const kind = position === 0 ? 'INTRO' : listIndex >= 0 ? 'EVENT_LIST' : 'ARTICLE';
      const theme = position === 0 ? issueTheme : r.chance(0.5) ? r.pick(themes) : r.pick(THEME_SLUGS);
      const wordTarget = kind === 'INTRO' ? r.int(250, 400) : kind === 'ARTICLE' ? r.int(150, 450) : r.int(40, 100);
      const body = richDoc(r, theme, wordTarget);
      words += wordTarget;
      let title =
        kind === 'INTRO'
          ? 'From our DCS sponsor'
          : kind === 'EVENT_LIST'
            ? r.pick(['Key events', 'Events and learning', 'Regional Master Classes', 'CPD opportunities'])
            : sectionTitle(r, theme);
      if (kind === 'ARTICLE' && theme === 'safeguarding' && r.chance(0.3)) title = `Safeguarding: ${title}`;
      const byOrg = kind === 'ARTICLE' && r.chance(0.3);
      sections.push({
        id: sectionId,
        issueId,
        position,
        kind,
        title,
        body,
        version: 1,
        bylineOrganisationId: byOrg ? r.pick(organisations).id : null,
        signOff: kind === 'INTRO' ? 'Kind regards' : null,
        signatoryId: kind === 'INTRO' ? signatory.id : null,
        createdAt: publishedAt.toISOString(),
        updatedAt: publishedAt.toISOString(),
      });
      if (kind === 'ARTICLE' && !byOrg && r.chance(0.4)) {
        r.sample(people, r.int(1, 2)).forEach((p, i) => bylines.push({ sectionId, personId: p.id, position: i }));
      }
      const sTopics = new Set([theme]);
      if (r.chance(0.3)) sTopics.add(r.pick(THEME_SLUGS));
      for (const slug of sTopics) {
        const id = topicId(slug);
        if (id) sectionTopics.push({ sectionId, topicId: id });
      }

      if (kind !== 'EVENT_LIST') continue;
      // Spread the events evenly over the remaining lists.
      const listsLeft = (issueCount - k) * eventListsPerIssue - listIndex;
      const n = Math.round(eventsLeft / listsLeft);
      eventsLeft -= n;
      for (let e = 0; e < n; e++) {
        const eventId = randomUUID();
        const eTheme = r.chance(0.6) ? theme : r.pick(THEME_SLUGS);
        const title = eventTitle(r, eTheme);
        let slug = `${slugify(title)}-${monthName.toLowerCase()}-${year}`;
        for (let i = 2; eventSlugs.has(slug); i++) slug = `${slugify(title)}-${monthName.toLowerCase()}-${year}-${i}`;
        eventSlugs.add(slug);
        const modeRoll = r.next();
        const mode = modeRoll < 0.5 ? 'ONLINE' : modeRoll < 0.8 ? 'IN_PERSON' : 'HYBRID';
        const venue = r.pick(VENUES);
        const isFree = r.chance(0.8);
        const descWords = r.int(60, 140);
        words += descWords;
        // Sessions: 1–4, from a few days to two months after the issue's first day.
        const sessionCount = r.int(1, 4);
        let day = r.int(3, 40);
        /** @type {string[]} */ const dates = [];
        for (let s = 0; s < sessionCount; s++) {
          dates.push(ymd(year, m0, 1 + day));
          day += r.int(7, 21);
        }
        const firstDate = /** @type {string} */ (dates[0]);
        events.push({
          id: eventId,
          slug,
          title,
          description: richDoc(r, eTheme, descWords),
          organiserId: r.pick(organisations).id,
          audience: r.pick(EVENT_AUDIENCES),
          isFree,
          cost: isFree ? null : `£${r.pick([45, 60, 95, 120, 150])} per delegate`,
          mode,
          platform: mode === 'IN_PERSON' ? null : 'Microsoft Teams',
          venueName: mode === 'ONLINE' ? null : venue.name,
          venueAddress: mode === 'ONLINE' ? null : venue.address,
          registrationUrl: r.chance(0.3) ? `https://www.example.org/book/${slug}` : null,
          registrationContact: `${slugify(r.pick(FIRST_NAMES))}.${slugify(r.pick(LAST_NAMES))}@example.org`,
          registrationOpensAt: null,
          registrationDeadline: r.chance(0.5)
            ? new Date(Date.parse(firstDate) - 7 * 86400_000).toISOString().slice(0, 10)
            : null,
          saveTheDate: r.chance(0.05),
          version: 1,
          createdAt: publishedAt.toISOString(),
          updatedAt: publishedAt.toISOString(),
        });
        const allDay = r.chance(0.1);
        const morning = r.chance(0.5);
        for (const [s, date] of dates.entries()) {
          const startsAt = allDay ? londonInstant(date, 0, 0) : londonInstant(date, morning ? 9 : 13, morning ? 30 : 0);
          const endsAt = allDay
            ? londonInstant(new Date(Date.parse(date) + 86400_000).toISOString().slice(0, 10), 0, 0)
            : londonInstant(date, morning ? 12 : 16, morning ? 30 : 0);
          sessions.push({
            id: randomUUID(),
            eventId,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            allDay,
            label: sessionCount > 1 && r.chance(0.2) ? `Cohort ${s + 1}` : null,
          });
        }
        if (r.chance(0.3)) {
          r.sample(people, r.int(1, 2)).forEach((p, i) => presenters.push({ eventId, personId: p.id, position: i }));
        }
        const eTopics = new Set([eTheme]);
        if (r.chance(0.4)) eTopics.add(r.pick(THEME_SLUGS));
        for (const t of eTopics) {
          const id = topicId(t);
          if (id) eventTopics.push({ eventId, topicId: id });
        }
        sectionEvents.push({ sectionId, eventId, position: e });
      }
    }
  }

  const started = Date.now();
  await client.query('BEGIN');
  try {
    await insertRows(client, 'Organisation', organisations);
    await insertRows(client, 'Topic', topics);
    await insertRows(client, 'Person', people);
    await insertRows(client, 'Issue', issues);
    await insertRows(client, 'Section', sections, 200);
    await insertRows(client, 'SectionByline', bylines);
    await insertRows(client, 'SectionTopic', sectionTopics);
    await insertRows(client, 'Event', events);
    await insertRows(client, 'EventSession', sessions);
    await insertRows(client, 'EventPresenter', presenters);
    await insertRows(client, 'EventTopic', eventTopics);
    await insertRows(client, 'SectionEvent', sectionEvents);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  await client.query('ANALYZE');
  log(`Inserted in ${((Date.now() - started) / 1000).toFixed(1)} s (including ANALYZE).`);

  const latest = /** @type {Record<string, unknown>} */ (issues[issues.length - 1]);
  return {
    latestIssueSlug: /** @type {string} */ (latest.slug),
    counts: {
      organisations: organisations.length,
      topics: topics.length,
      people: people.length,
      issues: issues.length,
      sections: sections.length,
      events: events.length,
      sessions: sessions.length,
      sectionEvents: sectionEvents.length,
      words,
    },
  };
}
