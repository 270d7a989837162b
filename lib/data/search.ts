import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { uniqueSlugs } from '@/lib/slug';
import { PUBLISHED_EVENT_SQL } from './event-select';
import { HIGHLIGHT_END, HIGHLIGHT_START, normaliseSearchQuery } from '@/lib/validation/search';

// Full-text search over the public archive: the published sections of PUBLISHED issues
// (their current publication, decision 017) and the events those feature.
// "PublishedSection"/"Event"."searchVector" and "searchText" are kept current by
// database triggers (migrations *_search, *_published_snapshot); the GIN indexes on
// the vectors drive every query here.
//
// The visibility rules are part of the SQL, like every other public read.
// User input only ever reaches the database as a bound parameter.

export const SEARCH_DEFAULT_LIMIT = 20;
const SEARCH_MAX_LIMIT = 100;
/**
 * Ranking reads each candidate's vector, so it is bounded: a query matching more than
 * this many published sections (or events) ranks the most recent RANK_WINDOW of them.
 * The count stays exact. Specific queries (the usual case) are ranked in full.
 */
export const RANK_WINDOW = 100;
/** ts_headline parses the whole text; long sections are cut for the snippet only. */
const HEADLINE_MAX_CHARS = 8000;

// ts_rank_cd weights for {D, C, B, A}: a title (A) match counts five times a
// body (B) match. Normalisation 1 divides by 1 + log(document length), so a
// long section does not win on volume alone.
const RANK_WEIGHTS = '{0.05, 0.1, 0.2, 1.0}';
const RANK_NORMALISATION = 1;

const HEADLINE_OPTIONS =
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, ` +
  'MaxFragments=2, MaxWords=20, MinWords=8, ShortWord=2, FragmentDelimiter=" … "';
const MARKERS = HIGHLIGHT_START + HIGHLIGHT_END;

export type SearchHit = {
  id: string;
  title: string;
  /** `/issues/<slug>#<section anchor>` or `/events/<slug>`. */
  url: string;
  rank: number;
  /** Plain text; matched words are wrapped in HIGHLIGHT_START … HIGHLIGHT_END. */
  snippet: string;
};

export type EventSearchHit = SearchHit & { firstStartsAt: Date | null; lastEndsAt: Date | null };

export type IssueResultGroup = {
  issue: { slug: string; title: string; month: Date };
  /** Best match first. */
  hits: SearchHit[];
};

export type SearchResults = {
  /** The normalised query that was searched for. */
  query: string;
  /** False when there is nothing to look up; `unsearchable` says why. */
  searchable: boolean;
  /**
   * 'no-words': empty, or only stop words / punctuation ("the", "?!");
   * 'only-exclusions': only words to leave out ("-word"), which would match nearly everything.
   */
  unsearchable: 'no-words' | 'only-exclusions' | null;
  /** All matches: sections + events (the groups hold at most `limit` of each). */
  total: number;
  sectionTotal: number;
  eventTotal: number;
  /** Newest issue first. */
  issues: IssueResultGroup[];
  /** Best match first. */
  events: EventSearchHit[];
};

type SectionRow = {
  nodes: number;
  indexable: boolean;
  total: bigint;
  id: string | null;
  rank: number | null;
  title: string | null;
  snippet: string | null;
  issueSlug: string | null;
  issueTitle: string | null;
  issueMonth: Date | null;
  sectionTitles: string[] | null;
  sectionIndex: number | null;
};

type EventRow = {
  id: string;
  rank: number;
  total: bigint;
  slug: string;
  title: string;
  snippet: string;
  firstStartsAt: Date | null;
  lastEndsAt: Date | null;
};

function emptyResults(query: string, unsearchable: SearchResults['unsearchable']): SearchResults {
  return { query, searchable: false, unsearchable, total: 0, sectionTotal: 0, eventTotal: 0, issues: [], events: [] };
}

/**
 * The two statements behind searchPublished (exported for EXPLAIN and benchmarks).
 * `q` must already be normalised; it is only ever a bound parameter.
 */
export function searchSql(q: string, limit: number): { sections: Prisma.Sql; events: Prisma.Sql } {
  const sections = Prisma.sql`
      WITH q AS MATERIALIZED (
        -- Materialised so the planner cannot see the query: it then always plans the GIN
        -- bitmap scan instead of a sequential scan that detoasts every vector for common words.
        SELECT websearch_to_tsquery('english', ${q}) AS q
      ),
      published AS MATERIALIZED (
        -- What readers see: the current publication of each PUBLISHED issue (decision 017).
        SELECT pub.id, i.slug, pub.title, i.month, i."publishedAt"
        FROM "IssuePublication" pub
        JOIN "Issue" i ON i.id = pub."issueId"
        WHERE pub.current AND i.status = 'PUBLISHED'
      ),
      matches AS MATERIALIZED (
        SELECT s.id, p.month, p."publishedAt"
        FROM q
        JOIN "PublishedSection" s ON s."searchVector" @@ q.q
        JOIN published p ON p.id = s."publicationId"
        WHERE querytree(q.q) <> 'T'
      ),
      candidates AS (
        SELECT m.id FROM matches m
        ORDER BY m.month DESC, m."publishedAt" DESC NULLS LAST, m.id
        LIMIT ${RANK_WINDOW}
      ),
      top AS (
        SELECT c.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], s."searchVector", q.q, ${RANK_NORMALISATION}::int) AS rank
        FROM candidates c
        JOIN "PublishedSection" s ON s.id = c.id
        CROSS JOIN q
        ORDER BY rank DESC, c.id
        LIMIT ${limit}
      ),
      hits AS (
        SELECT top.id, top.rank, s.title,
               ts_headline('english', left(translate(coalesce(s."searchText", s.title), ${MARKERS}, ''), ${HEADLINE_MAX_CHARS}::int),
                           q.q, ${HEADLINE_OPTIONS}) AS snippet,
               p.slug AS "issueSlug", p.title AS "issueTitle", p.month AS "issueMonth", p."publishedAt",
               toc.titles AS "sectionTitles", toc.idx AS "sectionIndex"
        FROM top
        JOIN "PublishedSection" s ON s.id = top.id
        JOIN published p ON p.id = s."publicationId"
        CROSS JOIN q
        CROSS JOIN LATERAL (
          -- The issue page's anchors come from the published section titles, so these do too.
          SELECT array_agg(s2.title ORDER BY s2.position) AS titles,
                 (count(*) FILTER (WHERE s2.position < s.position))::int AS idx
          FROM "PublishedSection" s2 WHERE s2."publicationId" = s."publicationId"
        ) toc
      )
      SELECT numnode(q.q) AS nodes, querytree(q.q) <> 'T' AS indexable,
             (SELECT count(*) FROM matches) AS total, hits.*
      FROM q
      LEFT JOIN hits ON true
      ORDER BY hits."issueMonth" DESC, hits."publishedAt" DESC NULLS LAST, hits."issueSlug", hits.rank DESC, hits.id`;

  const events = Prisma.sql`
      WITH q AS MATERIALIZED (
        SELECT websearch_to_tsquery('english', ${q}) AS q
      ),
      matches AS MATERIALIZED (
        SELECT e.id, e."createdAt"
        FROM q
        JOIN "Event" e ON e."searchVector" @@ q.q
        WHERE querytree(q.q) <> 'T'
          AND ${PUBLISHED_EVENT_SQL}
      ),
      candidates AS (
        SELECT m.id FROM matches m ORDER BY m."createdAt" DESC, m.id LIMIT ${RANK_WINDOW}
      ),
      top AS (
        SELECT c.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], e."searchVector", q.q, ${RANK_NORMALISATION}::int) AS rank
        FROM candidates c
        JOIN "Event" e ON e.id = c.id
        CROSS JOIN q
        ORDER BY rank DESC, c.id
        LIMIT ${limit}
      )
      SELECT top.id, top.rank, (SELECT count(*) FROM matches) AS total, e.slug, e.title,
             ts_headline('english', left(translate(coalesce(e."searchText", e.title), ${MARKERS}, ''), ${HEADLINE_MAX_CHARS}::int),
                         q.q, ${HEADLINE_OPTIONS}) AS snippet,
             sessions.first_start AS "firstStartsAt", sessions.last_end AS "lastEndsAt"
      FROM top
      JOIN "Event" e ON e.id = top.id
      CROSS JOIN q
      LEFT JOIN LATERAL (
        SELECT min(es."startsAt") AS first_start, max(es."endsAt") AS last_end
        FROM "EventSession" es WHERE es."eventId" = e.id
      ) sessions ON true
      ORDER BY top.rank DESC, top.id`;

  return { sections, events };
}

/**
 * Searches published content with web-search syntax ("quoted phrase", -exclude, or).
 * Sections come back grouped by issue (newest issue first, best match first within it);
 * events form their own group. Snippets are computed for the returned rows only.
 */
export async function searchPublished(query: string, opts: { limit?: number } = {}): Promise<SearchResults> {
  const q = normaliseSearchQuery(query);
  if (!q) return emptyResults(q, 'no-words');
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? SEARCH_DEFAULT_LIMIT), 1), SEARCH_MAX_LIMIT);
  const sql = searchSql(q, limit);
  const [sectionRows, eventRows] = await Promise.all([
    db.$queryRaw<SectionRow[]>(sql.sections),
    db.$queryRaw<EventRow[]>(sql.events),
  ]);

  // The sections statement always returns a row, so these come back even without matches.
  const meta = sectionRows[0];
  if (!meta || Number(meta.nodes) === 0) return emptyResults(q, 'no-words');
  if (!meta.indexable) return emptyResults(q, 'only-exclusions');

  const issues: IssueResultGroup[] = [];
  const anchorsByIssue = new Map<string, string[]>();
  const sectionTotal = Number(meta.total);
  for (const row of sectionRows) {
    if (!row.id || !row.issueSlug || !row.issueTitle || !row.issueMonth) continue;
    let anchors = anchorsByIssue.get(row.issueSlug);
    if (!anchors) {
      anchors = uniqueSlugs(row.sectionTitles ?? []);
      anchorsByIssue.set(row.issueSlug, anchors);
    }
    const anchor = anchors[row.sectionIndex ?? 0];
    let group = issues.at(-1);
    if (!group || group.issue.slug !== row.issueSlug) {
      group = { issue: { slug: row.issueSlug, title: row.issueTitle, month: row.issueMonth }, hits: [] };
      issues.push(group);
    }
    group.hits.push({
      id: row.id,
      title: row.title ?? '',
      url: `/issues/${row.issueSlug}${anchor ? `#${anchor}` : ''}`,
      rank: Number(row.rank ?? 0),
      snippet: row.snippet ?? '',
    });
  }

  const events: EventSearchHit[] = eventRows.map((row) => ({
    id: row.id,
    title: row.title,
    url: `/events/${row.slug}`,
    rank: Number(row.rank),
    snippet: row.snippet,
    firstStartsAt: row.firstStartsAt,
    lastEndsAt: row.lastEndsAt,
  }));
  const eventTotal = Number(eventRows[0]?.total ?? 0);

  return {
    query: q,
    searchable: true,
    unsearchable: null,
    total: sectionTotal + eventTotal,
    sectionTotal,
    eventTotal,
    issues,
    events,
  };
}
