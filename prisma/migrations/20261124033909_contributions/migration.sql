-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('ARTICLE', 'EVENT');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Contribution" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ContributionKind" NOT NULL,
    "status" "ContributionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "eventData" JSONB,
    "organisationId" UUID NOT NULL,
    "submittedById" UUID NOT NULL,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "declineReason" TEXT,
    "acceptedIssueId" UUID,
    "acceptedSectionId" UUID,
    "acceptedEventId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contribution_status_createdAt_idx" ON "Contribution"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Contribution_submittedById_idx" ON "Contribution"("submittedById");

-- CreateIndex
CREATE INDEX "Contribution_organisationId_idx" ON "Contribution"("organisationId");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_acceptedIssueId_fkey" FOREIGN KEY ("acceptedIssueId") REFERENCES "Issue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_acceptedSectionId_fkey" FOREIGN KEY ("acceptedSectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_acceptedEventId_fkey" FOREIGN KEY ("acceptedEventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written checks (Prisma's schema language cannot express them).
-- A declined contribution tells the contributor why.
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_declined_has_reason"
  CHECK (status <> 'DECLINED' OR length(btrim(coalesce("declineReason", ''))) > 0);
-- Event submissions carry the event's details; articles do not.
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_event_data_for_events"
  CHECK ((kind = 'EVENT') = ("eventData" IS NOT NULL));
-- A decision records when it was made (the reviewer may later be deleted: SET NULL).
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_decision_dated"
  CHECK (status NOT IN ('ACCEPTED', 'DECLINED') OR "reviewedAt" IS NOT NULL);
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_version_positive" CHECK (version >= 1);
