-- AlterTable
ALTER TABLE "AuthEvent" ADD COLUMN     "bucket" TEXT,
ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "lastAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "loginLinkId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuthEvent_bucket_key" ON "AuthEvent"("bucket");

-- CreateIndex
CREATE INDEX "AuthEvent_at_idx" ON "AuthEvent"("at");

-- CreateIndex
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");

-- CreateIndex
CREATE INDEX "Session_loginLinkId_idx" ON "Session"("loginLinkId");

-- CreateIndex
CREATE INDEX "UsedChallenge_expiresAt_idx" ON "UsedChallenge"("expiresAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_loginLinkId_fkey" FOREIGN KEY ("loginLinkId") REFERENCES "LoginLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
