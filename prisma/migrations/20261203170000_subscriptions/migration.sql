-- Email subscriptions (docs/decisions/026-email-subscriptions.md): subscribers
-- without accounts, their consent history, suppressed addresses and single-use
-- confirmation tokens (hash only).
-- CreateEnum
CREATE TYPE "SubscriberStatus" AS ENUM ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED');

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('NONE', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('FORM', 'IMPORT', 'EDITOR');

-- CreateEnum
CREATE TYPE "ConsentEvent" AS ENUM ('REQUESTED', 'CONFIRMED', 'CHANGED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('UNSUBSCRIBED', 'BOUNCED', 'EDITOR');

-- CreateTable
CREATE TABLE "Subscriber" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "status" "SubscriberStatus" NOT NULL DEFAULT 'PENDING',
    "newIssues" BOOLEAN NOT NULL DEFAULT true,
    "eventsDigest" "DigestFrequency" NOT NULL DEFAULT 'NONE',
    "manageVersion" INTEGER NOT NULL DEFAULT 1,
    "confirmationSentAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "unsubscribedAt" TIMESTAMPTZ(3),
    "permanentFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Subscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriberConsent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscriberId" UUID NOT NULL,
    "event" "ConsentEvent" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "wordingVersion" TEXT NOT NULL,
    "newIssues" BOOLEAN NOT NULL,
    "eventsDigest" "DigestFrequency" NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriberConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "email" TEXT NOT NULL,
    "reason" "SuppressionReason" NOT NULL,
    "suppressedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "SubscriptionToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscriberId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newIssues" BOOLEAN NOT NULL,
    "eventsDigest" "DigestFrequency" NOT NULL,
    "wordingVersion" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Subscriber_email_key" ON "Subscriber"("email");

-- CreateIndex
CREATE INDEX "Subscriber_status_newIssues_idx" ON "Subscriber"("status", "newIssues");

-- CreateIndex
CREATE INDEX "Subscriber_status_eventsDigest_idx" ON "Subscriber"("status", "eventsDigest");

-- CreateIndex
CREATE INDEX "SubscriberConsent_subscriberId_createdAt_idx" ON "SubscriberConsent"("subscriberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionToken_tokenHash_key" ON "SubscriptionToken"("tokenHash");

-- CreateIndex
CREATE INDEX "SubscriptionToken_subscriberId_idx" ON "SubscriptionToken"("subscriberId");

-- CreateIndex
CREATE INDEX "SubscriptionToken_expiresAt_idx" ON "SubscriptionToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "SubscriberConsent" ADD CONSTRAINT "SubscriberConsent_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriberConsent" ADD CONSTRAINT "SubscriberConsent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionToken" ADD CONSTRAINT "SubscriptionToken_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "Subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Addresses are stored normalised (lib/validation/subscriptions.ts), so one
-- address is one row whatever case the reader typed; no line breaks or controls.
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_email_check"
  CHECK ("email" = lower(btrim("email")) AND length("email") BETWEEN 3 AND 254 AND "email" !~ '[[:cntrl:][:space:]]' AND position('@' IN "email") > 1);
ALTER TABLE "EmailSuppression" ADD CONSTRAINT "EmailSuppression_email_check"
  CHECK ("email" = lower(btrim("email")) AND length("email") BETWEEN 3 AND 254 AND "email" !~ '[[:cntrl:][:space:]]');
-- A subscriber receives something: leaving everything is unsubscribing.
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_streams_check" CHECK ("newIssues" OR "eventsDigest" <> 'NONE');
ALTER TABLE "SubscriptionToken" ADD CONSTRAINT "SubscriptionToken_streams_check" CHECK ("newIssues" OR "eventsDigest" <> 'NONE');
ALTER TABLE "SubscriberConsent" ADD CONSTRAINT "SubscriberConsent_streams_check" CHECK ("event" = 'WITHDRAWN' OR "newIssues" OR "eventsDigest" <> 'NONE');
-- The status says when it happened.
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_status_dates_check" CHECK (
  ("status" <> 'CONFIRMED' OR "confirmedAt" IS NOT NULL) AND ("status" <> 'UNSUBSCRIBED' OR "unsubscribedAt" IS NOT NULL)
);
ALTER TABLE "Subscriber" ADD CONSTRAINT "Subscriber_counts_check" CHECK ("manageVersion" >= 1 AND "permanentFailures" >= 0);
ALTER TABLE "SubscriptionToken" ADD CONSTRAINT "SubscriptionToken_hash_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
