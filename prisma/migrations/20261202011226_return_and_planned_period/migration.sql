-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "plannedClosesAt" TIMESTAMP(3),
ADD COLUMN     "plannedOpensAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3);
