-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "expectedRegions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "AnalyticsPublication" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "threshold" INTEGER NOT NULL,
    "respondentsCount" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,

    CONSTRAINT "AnalyticsPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnalyticsPublication_campaignId_version_key" ON "AnalyticsPublication"("campaignId", "version");

-- AddForeignKey
ALTER TABLE "AnalyticsPublication" ADD CONSTRAINT "AnalyticsPublication_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A publication is immutable: what was published stays exactly as it was read.
CREATE FUNCTION "AnalyticsPublication_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AnalyticsPublication rows are immutable';
END;
$$;
CREATE TRIGGER "AnalyticsPublication_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AnalyticsPublication"
  FOR EACH ROW EXECUTE FUNCTION "AnalyticsPublication_immutable"();
