-- CreateIndex
CREATE INDEX "EventSession_endsAt_idx" ON "EventSession"("endsAt");
