-- Sending the email edition (docs/decisions/026-email-subscriptions.md): one send per
-- decision to send, one delivery row per recipient, each sent at most once.
-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED');

-- CreateTable
CREATE TABLE "EditionSend" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "issueId" UUID NOT NULL,
    "introParagraphs" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EditionSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sendId" UUID NOT NULL,
    "subscriberId" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "EditionDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EditionSend_issueId_createdAt_idx" ON "EditionSend"("issueId", "createdAt");

-- CreateIndex
CREATE INDEX "EditionDelivery_sendId_status_idx" ON "EditionDelivery"("sendId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EditionDelivery_sendId_subscriberId_key" ON "EditionDelivery"("sendId", "subscriberId");

-- AddForeignKey
ALTER TABLE "EditionSend" ADD CONSTRAINT "EditionSend_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionSend" ADD CONSTRAINT "EditionSend_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_sendId_fkey" FOREIGN KEY ("sendId") REFERENCES "EditionSend"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "EditionSend" ADD CONSTRAINT "EditionSend_intro_check" CHECK ("introParagraphs" IS NULL OR "introParagraphs" BETWEEN 1 AND 3);
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_status_check" CHECK (
  "attempts" >= 0 AND ("status" <> 'SENT' OR "sentAt" IS NOT NULL) AND ("status" <> 'SENDING' OR "claimedAt" IS NOT NULL)
);
