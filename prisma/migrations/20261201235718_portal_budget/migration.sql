-- CreateTable
CREATE TABLE "PortalBudget" (
    "tokenId" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "spent" BIGINT NOT NULL,

    CONSTRAINT "PortalBudget_pkey" PRIMARY KEY ("tokenId")
);

-- AddForeignKey
ALTER TABLE "PortalBudget" ADD CONSTRAINT "PortalBudget_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "PortalToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
