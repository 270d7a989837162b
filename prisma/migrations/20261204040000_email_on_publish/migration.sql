-- Emailing an issue when it is published (docs/decisions/026-email-subscriptions.md):
-- the choice made when scheduling, kept on the issue until the scheduled publish
-- starts the send (then cleared). Null paragraphs = the whole intro.
-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "emailOnPublish" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailIntroParagraphs" INTEGER;

ALTER TABLE "Issue" ADD CONSTRAINT "Issue_email_intro_check" CHECK ("emailIntroParagraphs" IS NULL OR "emailIntroParagraphs" BETWEEN 1 AND 3);
