-- AlterTable
ALTER TABLE "PortalToken" ADD COLUMN     "allowedOperations" TEXT[] DEFAULT ARRAY[]::TEXT[];
