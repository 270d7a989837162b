-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Event_searchVector_idx" ON "Event" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Section_searchVector_idx" ON "Section" USING GIN ("searchVector");

-- Full-text search (lib/data/search.ts), written by hand below the generated part.
--
-- "searchText" (plain text for ts_headline) and "searchVector" (weighted tsvector,
-- 'english' config) are derived columns: a BEFORE INSERT OR UPDATE trigger computes
-- them from the row, so every writer (Prisma, seeds, raw SQL) keeps them current and
-- the app never writes them. Weights: title 'A', rich-text body/description 'B',
-- event audience/venue/platform 'C'. Functions and triggers are invisible to
-- Prisma's schema diff, so `prisma migrate dev` sees no drift from them.
--
-- To rebuild after changing these functions: UPDATE "Section" SET "searchVector" = NULL;
-- (and the same for "Event") – a NULL vector always makes the trigger recompute.

-- The text of a TipTap/ProseMirror JSON document: every string `text` field, in
-- document order, joined by spaces. Never fails on malformed JSON (silent => true).
CREATE FUNCTION rich_text_plain(doc jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(btrim(regexp_replace(string_agg(t #>> '{}', ' ' ORDER BY n), '\s+', ' ', 'g')), '')
  FROM jsonb_path_query(doc, 'strict $.**.text ? (@.type() == "string")', '{}', true) WITH ORDINALITY AS x(t, n)
$$;

CREATE FUNCTION section_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  body_text text;
BEGIN
  -- Unchanged title and body (e.g. an approval or a reorder): keep the stored values.
  IF TG_OP = 'UPDATE'
     AND NEW.title IS NOT DISTINCT FROM OLD.title
     AND NEW.body IS NOT DISTINCT FROM OLD.body
     AND OLD."searchVector" IS NOT NULL
     AND NEW."searchVector" IS NOT NULL THEN
    NEW."searchText" := OLD."searchText";
    NEW."searchVector" := OLD."searchVector";
    RETURN NEW;
  END IF;
  body_text := coalesce(rich_text_plain(NEW.body), '');
  NEW."searchText" := concat_ws(E'\n', nullif(NEW.title, ''), nullif(body_text, ''));
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', body_text), 'B');
  RETURN NEW;
END
$$;

CREATE FUNCTION event_search_refresh() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  description_text text;
  details text;
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.title IS NOT DISTINCT FROM OLD.title
     AND NEW.description IS NOT DISTINCT FROM OLD.description
     AND NEW.audience IS NOT DISTINCT FROM OLD.audience
     AND NEW."venueName" IS NOT DISTINCT FROM OLD."venueName"
     AND NEW."venueAddress" IS NOT DISTINCT FROM OLD."venueAddress"
     AND NEW.platform IS NOT DISTINCT FROM OLD.platform
     AND OLD."searchVector" IS NOT NULL
     AND NEW."searchVector" IS NOT NULL THEN
    NEW."searchText" := OLD."searchText";
    NEW."searchVector" := OLD."searchVector";
    RETURN NEW;
  END IF;
  description_text := coalesce(rich_text_plain(NEW.description), '');
  details := concat_ws(E'\n', nullif(NEW.audience, ''), nullif(NEW."venueName", ''),
                       nullif(NEW."venueAddress", ''), nullif(NEW.platform, ''));
  NEW."searchText" := concat_ws(E'\n', nullif(NEW.title, ''), nullif(description_text, ''), nullif(details, ''));
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', description_text), 'B') ||
    setweight(to_tsvector('english', details), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Section_search_refresh"
  BEFORE INSERT OR UPDATE ON "Section"
  FOR EACH ROW EXECUTE FUNCTION section_search_refresh();

CREATE TRIGGER "Event_search_refresh"
  BEFORE INSERT OR UPDATE ON "Event"
  FOR EACH ROW EXECUTE FUNCTION event_search_refresh();

-- Backfill existing rows (a NULL vector makes the trigger recompute; "updatedAt" is untouched).
UPDATE "Section" SET "searchVector" = NULL;
UPDATE "Event" SET "searchVector" = NULL;
