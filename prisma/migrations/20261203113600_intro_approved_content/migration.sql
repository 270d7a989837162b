-- The intro content the sponsor approved, kept so the next approval can show a diff.
ALTER TABLE "Section" ADD COLUMN "approvedContent" JSONB;
