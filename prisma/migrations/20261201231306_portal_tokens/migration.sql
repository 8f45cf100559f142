-- CreateTable
CREATE TABLE "PortalToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "scopes" TEXT[],
    "secretSha256" TEXT NOT NULL,
    "previousSecretSha256" TEXT,
    "previousValidUntil" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedFrom" TEXT,

    CONSTRAINT "PortalToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortalToken_secretSha256_key" ON "PortalToken"("secretSha256");

-- CreateIndex
CREATE UNIQUE INDEX "PortalToken_previousSecretSha256_key" ON "PortalToken"("previousSecretSha256");

-- CreateIndex
CREATE INDEX "PortalToken_regionId_idx" ON "PortalToken"("regionId");

-- AddForeignKey
ALTER TABLE "PortalToken" ADD CONSTRAINT "PortalToken_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
