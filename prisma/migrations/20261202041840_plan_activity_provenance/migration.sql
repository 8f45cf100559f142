-- AlterTable
ALTER TABLE "PlanActivity" ADD COLUMN     "numberPrinted" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "ownersInherited" BOOLEAN NOT NULL DEFAULT false;

-- Rows imported before these columns existed. The importer gives a letter ("1.6а") only to a row whose
-- number the document does not print, so such a number was not printed.
UPDATE "PlanActivity" SET "numberPrinted" = false WHERE "number" !~ '^[0-9]+(\.[0-9]+)*$';

-- Which owners were inherited cannot be read back from stored rows in general (6.1 and 6.2 print the
-- same owners as 6). In the shipped plan (seed 001) the owners cell of activity 1 is merged over all
-- its sub-items; a re-import of any plan records it exactly.
UPDATE "PlanActivity" AS item SET "ownersInherited" = true
FROM "PlanActivity" AS parent, "Plan" AS plan
WHERE item."parentId" = parent.id AND parent."number" = '1' AND item."planId" = plan.id
  AND plan.code = 'mintrud-nok-2016-2018' AND item.owners = parent.owners;
