-- CreateEnum
CREATE TYPE "SubscriberImportStatus" AS ENUM ('PREVIEW', 'APPLIED', 'DISCARDED');

-- CreateTable
CREATE TABLE "SubscriberImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "fileName" TEXT NOT NULL,
    "status" "SubscriberImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "rowCount" INTEGER NOT NULL,
    "accepted" JSONB NOT NULL,
    "rejected" JSONB NOT NULL,
    "skipped" JSONB,
    "added" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SubscriberImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubscriberImport_createdAt_idx" ON "SubscriberImport"("createdAt");

-- AddForeignKey
ALTER TABLE "SubscriberImport" ADD CONSTRAINT "SubscriberImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
