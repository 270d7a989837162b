-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SUBMITTED_FOR_APPROVAL', 'APPROVED', 'CHANGES_REQUESTED', 'COMMENT', 'MENTION', 'CONTRIBUTION_ACCEPTED', 'CONTRIBUTION_DECLINED', 'ISSUE_PUBLISHED');

-- CreateEnum
CREATE TYPE "AccessTokenPurpose" AS ENUM ('INTRO_APPROVAL', 'ISSUE_PREVIEW', 'SIGN_IN');

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sectionId" UUID,
    "contributionId" UUID,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "blocking" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "purpose" "AccessTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "issueId" UUID,
    "userId" UUID,
    "email" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_sectionId_resolvedAt_idx" ON "Comment"("sectionId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Comment_contributionId_idx" ON "Comment"("contributionId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AccessToken_tokenHash_key" ON "AccessToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessToken_issueId_purpose_idx" ON "AccessToken"("issueId", "purpose");

-- CreateIndex
CREATE INDEX "AccessToken_userId_idx" ON "AccessToken"("userId");

-- CreateIndex
CREATE INDEX "AccessToken_expiresAt_idx" ON "AccessToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written checks (Prisma's schema language cannot express them).
-- A comment is on a section or on a contribution, never both or neither.
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_one_target"
  CHECK (num_nonnulls("sectionId", "contributionId") = 1);
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_body_not_blank" CHECK (length(btrim(body)) > 0);
-- The resolver may later be deleted (SET NULL); the time stays.
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolver_dated"
  CHECK ("resolvedById" IS NULL OR "resolvedAt" IS NOT NULL);
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> id);
-- Links in notifications stay inside the app: a path, never another origin.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_href_is_path"
  CHECK (href ~ '^/([^/\\]|$)');
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_title_not_blank" CHECK (length(btrim(title)) > 0);
-- Approval and preview links belong to an issue; sign-in links to a person.
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_target"
  CHECK (CASE purpose
           WHEN 'SIGN_IN' THEN num_nonnulls("userId", email) >= 1
           ELSE "issueId" IS NOT NULL
         END);
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_expires_after_created" CHECK ("expiresAt" > "createdAt");
-- A SHA-256 in lowercase hex.
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_hash_format" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_email_lowercase" CHECK (email IS NULL OR email = lower(email));
