-- CreateTable
CREATE TABLE "IssuePublication" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "issueId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID,

    CONSTRAINT "IssuePublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedSection" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "publicationId" UUID NOT NULL,
    "sectionId" UUID,
    "position" INTEGER NOT NULL,
    "kind" "SectionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bylineOrganisationId" UUID,
    "signOff" TEXT,
    "signatoryId" UUID,
    "searchText" TEXT,
    "searchVector" tsvector,

    CONSTRAINT "PublishedSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedSectionByline" (
    "publishedSectionId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PublishedSectionByline_pkey" PRIMARY KEY ("publishedSectionId","personId")
);

-- CreateTable
CREATE TABLE "PublishedSectionEvent" (
    "publishedSectionId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PublishedSectionEvent_pkey" PRIMARY KEY ("publishedSectionId","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuePublication_issueId_revision_key" ON "IssuePublication"("issueId", "revision");

-- CreateIndex
CREATE INDEX "IssuePublication_issueId_current_idx" ON "IssuePublication"("issueId", "current");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedSection_publicationId_position_key" ON "PublishedSection"("publicationId", "position");

-- CreateIndex
CREATE INDEX "PublishedSection_searchVector_idx" ON "PublishedSection" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "PublishedSectionByline_personId_idx" ON "PublishedSectionByline"("personId");

-- CreateIndex
CREATE INDEX "PublishedSectionEvent_eventId_idx" ON "PublishedSectionEvent"("eventId");

-- AddForeignKey
ALTER TABLE "IssuePublication" ADD CONSTRAINT "IssuePublication_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSection" ADD CONSTRAINT "PublishedSection_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "IssuePublication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSection" ADD CONSTRAINT "PublishedSection_bylineOrganisationId_fkey" FOREIGN KEY ("bylineOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSection" ADD CONSTRAINT "PublishedSection_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSectionByline" ADD CONSTRAINT "PublishedSectionByline_publishedSectionId_fkey" FOREIGN KEY ("publishedSectionId") REFERENCES "PublishedSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSectionByline" ADD CONSTRAINT "PublishedSectionByline_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSectionEvent" ADD CONSTRAINT "PublishedSectionEvent_publishedSectionId_fkey" FOREIGN KEY ("publishedSectionId") REFERENCES "PublishedSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedSectionEvent" ADD CONSTRAINT "PublishedSectionEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand below the generated part (decision 017).
--
-- At most one live publication per issue: public reads join on "current" = true.
CREATE UNIQUE INDEX "IssuePublication_one_current" ON "IssuePublication"("issueId") WHERE "current";

-- Search indexes what readers see: the published copy gets the same derived columns
-- as "Section", computed by the same trigger function (it reads only title and body).
CREATE TRIGGER "PublishedSection_search_refresh"
  BEFORE INSERT OR UPDATE ON "PublishedSection"
  FOR EACH ROW EXECUTE FUNCTION section_search_refresh();

-- Backfill: every issue readers can see today (PUBLISHED or ARCHIVED) gets revision 1,
-- a copy of its sections as they stand, which is what the public pages show now.
INSERT INTO "IssuePublication" ("issueId", "revision", "current", "title", "summary", "publishedAt")
SELECT i.id, 1, true, i.title, i.summary, coalesce(i."publishedAt", i."updatedAt")
FROM "Issue" i
WHERE i.status IN ('PUBLISHED', 'ARCHIVED');

INSERT INTO "PublishedSection" ("publicationId", "sectionId", "position", "kind", "title", "body", "bylineOrganisationId", "signOff", "signatoryId")
SELECT p.id, s.id, s.position, s.kind, s.title, s.body, s."bylineOrganisationId", s."signOff", s."signatoryId"
FROM "IssuePublication" p
JOIN "Section" s ON s."issueId" = p."issueId";

INSERT INTO "PublishedSectionByline" ("publishedSectionId", "personId", "position")
SELECT ps.id, b."personId", b.position
FROM "PublishedSection" ps
JOIN "SectionByline" b ON b."sectionId" = ps."sectionId";

INSERT INTO "PublishedSectionEvent" ("publishedSectionId", "eventId", "position")
SELECT ps.id, se."eventId", se.position
FROM "PublishedSection" ps
JOIN "SectionEvent" se ON se."sectionId" = ps."sectionId";
