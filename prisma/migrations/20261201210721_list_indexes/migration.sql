-- An index under every filter, sort and grouping the coordinators' lists use (test/api/listIndexes.db.test.ts
-- EXPLAINs them): a person's and an authority's questionnaires, the region with or without a campaign,
-- who holds a link for a campaign, a person's last sign-in, and the sorts the console offers on the
-- tables that grow with the respondents.

-- A list breaks ties by id, so the index of a sort column with many equal values ends with id. The
-- lists sort nullable columns with the nulls last both ways: the descending indexes are DESC NULLS LAST
-- (schema.prisma can only say Desc).

-- DropIndex
DROP INDEX "Response_campaignId_regionId_idx";

-- CreateIndex
CREATE INDEX "AuditLog_action_id_idx" ON "AuditLog"("action", "id");

-- CreateIndex
CREATE INDEX "AuthEvent_userId_kind_at_idx" ON "AuthEvent"("userId", "kind", "at");

-- CreateIndex
CREATE INDEX "Authority_sphereId_idx" ON "Authority"("sphereId");

-- CreateIndex
CREATE INDEX "LoginLink_campaignId_userId_idx" ON "LoginLink"("campaignId", "userId");

-- CreateIndex
CREATE INDEX "Measure_year_id_idx" ON "Measure"("year", "id");

-- CreateIndex
CREATE INDEX "Measure_year_id_desc_idx" ON "Measure"("year" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "Measure_updatedAt_idx" ON "Measure"("updatedAt");

-- CreateIndex
CREATE INDEX "MeasureType_groupId_idx" ON "MeasureType"("groupId");

-- CreateIndex
CREATE INDEX "OutboxMail_createdAt_idx" ON "OutboxMail"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxMail_sentAt_id_idx" ON "OutboxMail"("sentAt", "id");

-- CreateIndex
CREATE INDEX "OutboxMail_sentAt_id_desc_idx" ON "OutboxMail"("sentAt" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "OutboxMail_to_idx" ON "OutboxMail"("to");

-- CreateIndex
CREATE INDEX "Response_regionId_campaignId_idx" ON "Response"("regionId", "campaignId");

-- CreateIndex
CREATE INDEX "Response_respondentId_idx" ON "Response"("respondentId");

-- CreateIndex
CREATE INDEX "Response_authorityId_idx" ON "Response"("authorityId");

-- CreateIndex
CREATE INDEX "Response_updatedAt_idx" ON "Response"("updatedAt");

-- CreateIndex
CREATE INDEX "Response_completion_id_idx" ON "Response"("completion", "id");

-- CreateIndex
CREATE INDEX "Response_submittedAt_id_idx" ON "Response"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Response_submittedAt_id_desc_idx" ON "Response"("submittedAt" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
