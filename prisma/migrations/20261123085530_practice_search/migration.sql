-- Practices: soft deletion (kept so a re-import of seed 003 does not bring deleted or edited
-- practices back), an update time, and full-text search in Russian.

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- A stored generated column: PostgreSQL keeps it in step with "text" on every write, whoever writes.
-- schema.prisma declares it as Unsupported("tsvector")? @default(dbgenerated(<the same expression>)):
-- the schema engine reads a generation expression as the column's default.
ALTER TABLE "Practice" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, "text")) STORED;

-- CreateIndex
CREATE INDEX "Practice_search_idx" ON "Practice" USING GIN ("search");
