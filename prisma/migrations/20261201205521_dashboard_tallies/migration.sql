-- CreateTable
CREATE TABLE "ResponseTally" (
    "campaignId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "responses" INTEGER NOT NULL,
    "drafts" INTEGER NOT NULL,
    "submitted" INTEGER NOT NULL,
    "completionSum" BIGINT NOT NULL,

    CONSTRAINT "ResponseTally_pkey" PRIMARY KEY ("campaignId","regionId","shard","section")
);

-- CreateTable
CREATE TABLE "ResponseTallyChange" (
    "id" BIGSERIAL NOT NULL,
    "transactionId" BIGINT NOT NULL,
    "first" BOOLEAN NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "responses" INTEGER NOT NULL,
    "drafts" INTEGER NOT NULL,
    "submitted" INTEGER NOT NULL,
    "completionSum" BIGINT NOT NULL,

    CONSTRAINT "ResponseTallyChange_pkey" PRIMARY KEY ("transactionId","id")
);

-- CreateTable
CREATE TABLE "CampaignRegistrant" (
    "campaignId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "links" INTEGER NOT NULL,

    CONSTRAINT "CampaignRegistrant_pkey" PRIMARY KEY ("campaignId","userId")
);

-- CreateTable
CREATE TABLE "CampaignRegistrantChange" (
    "id" BIGSERIAL NOT NULL,
    "transactionId" BIGINT NOT NULL,
    "first" BOOLEAN NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "links" INTEGER NOT NULL,

    CONSTRAINT "CampaignRegistrantChange_pkey" PRIMARY KEY ("transactionId","id")
);

-- CreateTable
CREATE TABLE "RegistrationTally" (
    "campaignId" INTEGER NOT NULL,
    "shard" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegistrationTally_pkey" PRIMARY KEY ("campaignId","shard")
);

-- ---------------------------------------------------------------------------------------------------
-- The triggers that keep the tallies (see the comment above ResponseTally in schema.prisma).
--
-- 1. After each statement on "Response" or "LoginLink", a statement-level trigger sums what the
--    statement's rows changed, per tally row, into pending changes (one per tally row touched, however
--    many rows the statement wrote: a bulk load costs one pass).
-- 2. When the transaction commits, a deferred trigger (on its first pending change only) adds all its
--    pending changes to the tallies, in the order of their keys, and deletes them. A tally row is
--    locked only while its transaction commits; changes that cancel out (a first save: inserted without
--    a region, then given one) touch nothing; and any two transactions lock tally rows in the same
--    order. A transaction that rolls back counts nothing.

-- What one response adds to the tallies (direction 1) or takes from them (-1): its row of section ''
-- and one row per section of its "sectionCompletion".
CREATE FUNCTION "dashboard_response_counts"(campaign integer, region integer, id integer, status "ResponseStatus",
  completion integer, completions jsonb, direction integer)
RETURNS TABLE ("campaignId" integer, "regionId" integer, "shard" integer, "section" text,
               "responses" integer, "drafts" integer, "submitted" integer, "completionSum" bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT campaign, coalesce(region, 0), id % 8, ''::text, direction,
         direction * (status = 'DRAFT')::integer, direction * (status = 'SUBMITTED')::integer, (direction * completion)::bigint
  UNION ALL
  SELECT campaign, coalesce(region, 0), id % 8, e.key, direction, 0, 0, (direction * e.value::integer)::bigint
  FROM jsonb_each_text(CASE WHEN jsonb_typeof(completions) = 'object' THEN completions ELSE '{}'::jsonb END) AS e
$$;

-- Step 1 for "Response". An update takes every updated row out as it was and puts it back as it is:
-- what did not change cancels out.
CREATE FUNCTION "dashboard_response_statement"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- No pending change of this transaction yet: the first one written here carries the commit trigger.
  opens boolean := NOT EXISTS (SELECT 1 FROM "ResponseTallyChange" WHERE "transactionId" = txid_current());
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ResponseTallyChange" ("transactionId", "first", "campaignId", "regionId", "shard", "section", "responses", "drafts", "submitted", "completionSum")
    SELECT txid_current(), opens AND row_number() OVER () = 1, c."campaignId", c."regionId", c."shard", c."section",
           sum(c."responses"), sum(c."drafts"), sum(c."submitted"), sum(c."completionSum")
    FROM new_rows AS n,
         dashboard_response_counts(n."campaignId", n."regionId", n."id", n."status", n."completion", n."sectionCompletion", 1) AS c
    GROUP BY c."campaignId", c."regionId", c."shard", c."section";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ResponseTallyChange" ("transactionId", "first", "campaignId", "regionId", "shard", "section", "responses", "drafts", "submitted", "completionSum")
    SELECT txid_current(), opens AND row_number() OVER () = 1, c."campaignId", c."regionId", c."shard", c."section",
           sum(c."responses"), sum(c."drafts"), sum(c."submitted"), sum(c."completionSum")
    FROM old_rows AS o,
         dashboard_response_counts(o."campaignId", o."regionId", o."id", o."status", o."completion", o."sectionCompletion", -1) AS c
    GROUP BY c."campaignId", c."regionId", c."shard", c."section";
  ELSE
    INSERT INTO "ResponseTallyChange" ("transactionId", "first", "campaignId", "regionId", "shard", "section", "responses", "drafts", "submitted", "completionSum")
    SELECT txid_current(), opens AND row_number() OVER () = 1, c."campaignId", c."regionId", c."shard", c."section",
           sum(c."responses"), sum(c."drafts"), sum(c."submitted"), sum(c."completionSum")
    FROM (SELECT "campaignId", "regionId", "id", "status", "completion", "sectionCompletion", -1 AS direction FROM old_rows
          UNION ALL
          SELECT "campaignId", "regionId", "id", "status", "completion", "sectionCompletion", 1 FROM new_rows) AS r,
         dashboard_response_counts(r."campaignId", r."regionId", r."id", r."status", r."completion", r."sectionCompletion", r.direction) AS c
    GROUP BY c."campaignId", c."regionId", c."shard", c."section"
    HAVING sum(c."responses") <> 0 OR sum(c."drafts") <> 0 OR sum(c."submitted") <> 0 OR sum(c."completionSum") <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Response_dashboard_insert" AFTER INSERT ON "Response"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_response_statement"();
CREATE TRIGGER "Response_dashboard_update" AFTER UPDATE ON "Response"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_response_statement"();
CREATE TRIGGER "Response_dashboard_delete" AFTER DELETE ON "Response"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_response_statement"();

-- Step 2 for "Response".
CREATE FUNCTION "dashboard_response_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    DELETE FROM "ResponseTallyChange" WHERE "transactionId" = NEW."transactionId" RETURNING *
  )
  INSERT INTO "ResponseTally" AS t ("campaignId", "regionId", "shard", "section", "responses", "drafts", "submitted", "completionSum")
  SELECT "campaignId", "regionId", "shard", "section", sum("responses"), sum("drafts"), sum("submitted"), sum("completionSum")
  FROM moved
  GROUP BY "campaignId", "regionId", "shard", "section"
  HAVING sum("responses") <> 0 OR sum("drafts") <> 0 OR sum("submitted") <> 0 OR sum("completionSum") <> 0
  ORDER BY "campaignId", "regionId", "shard", "section"
  ON CONFLICT ("campaignId", "regionId", "shard", "section") DO UPDATE SET
    "responses" = t."responses" + EXCLUDED."responses",
    "drafts" = t."drafts" + EXCLUDED."drafts",
    "submitted" = t."submitted" + EXCLUDED."submitted",
    "completionSum" = t."completionSum" + EXCLUDED."completionSum";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "ResponseTallyChange_commit" AFTER INSERT ON "ResponseTallyChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."first") EXECUTE FUNCTION "dashboard_response_commit"();

-- Step 1 for "LoginLink": links per (campaign, person). Signing in and revoking change other columns:
-- only a link given to another person or campaign counts in an update.
CREATE FUNCTION "dashboard_link_statement"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  opens boolean := NOT EXISTS (SELECT 1 FROM "CampaignRegistrantChange" WHERE "transactionId" = txid_current());
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CampaignRegistrantChange" ("transactionId", "first", "campaignId", "userId", "links")
    SELECT txid_current(), opens AND row_number() OVER () = 1, "campaignId", "userId", count(*)
    FROM new_links GROUP BY "campaignId", "userId";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "CampaignRegistrantChange" ("transactionId", "first", "campaignId", "userId", "links")
    SELECT txid_current(), opens AND row_number() OVER () = 1, "campaignId", "userId", -count(*)
    FROM old_links GROUP BY "campaignId", "userId";
  ELSE
    INSERT INTO "CampaignRegistrantChange" ("transactionId", "first", "campaignId", "userId", "links")
    SELECT txid_current(), opens AND row_number() OVER () = 1, "campaignId", "userId", sum(direction)
    FROM (SELECT "campaignId", "userId", -1 AS direction FROM old_links UNION ALL SELECT "campaignId", "userId", 1 FROM new_links) AS changed
    GROUP BY "campaignId", "userId"
    HAVING sum(direction) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "LoginLink_dashboard_insert" AFTER INSERT ON "LoginLink"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_link_statement"();
CREATE TRIGGER "LoginLink_dashboard_update" AFTER UPDATE ON "LoginLink"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_link_statement"();
CREATE TRIGGER "LoginLink_dashboard_delete" AFTER DELETE ON "LoginLink"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_link_statement"();

-- Step 2 for "LoginLink": a person whose links went from 0 to more is registered, from more to 0 no longer.
CREATE FUNCTION "dashboard_link_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    DELETE FROM "CampaignRegistrantChange" WHERE "transactionId" = NEW."transactionId" RETURNING "campaignId", "userId", "links"
  ), net AS (
    SELECT "campaignId", "userId", sum("links")::integer AS links FROM moved GROUP BY "campaignId", "userId" HAVING sum("links") <> 0
  ), held AS (
    INSERT INTO "CampaignRegistrant" AS r ("campaignId", "userId", "links")
    SELECT "campaignId", "userId", links FROM net ORDER BY "campaignId", "userId"
    ON CONFLICT ("campaignId", "userId") DO UPDATE SET "links" = r."links" + EXCLUDED."links"
    RETURNING r."campaignId", r."userId", r."links"
  )
  INSERT INTO "RegistrationTally" AS t ("campaignId", "shard", "registered")
  SELECT h."campaignId", hashtext(h."userId") & 7, sum((h."links" > 0)::integer - (h."links" - n.links > 0)::integer)
  FROM held AS h JOIN net AS n ON n."campaignId" = h."campaignId" AND n."userId" = h."userId"
  GROUP BY h."campaignId", hashtext(h."userId") & 7
  HAVING sum((h."links" > 0)::integer - (h."links" - n.links > 0)::integer) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("campaignId", "shard") DO UPDATE SET "registered" = t."registered" + EXCLUDED."registered";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "CampaignRegistrantChange_commit" AFTER INSERT ON "CampaignRegistrantChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."first") EXECUTE FUNCTION "dashboard_link_commit"();

-- TRUNCATE fires none of the triggers above: the tallies are emptied with the table.
CREATE FUNCTION "dashboard_responses_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ResponseTally";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Response_dashboard_truncate" AFTER TRUNCATE ON "Response"
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_responses_truncated"();

CREATE FUNCTION "dashboard_links_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CampaignRegistrant";
  DELETE FROM "RegistrationTally";
  RETURN NULL;
END
$$;

CREATE TRIGGER "LoginLink_dashboard_truncate" AFTER TRUNCATE ON "LoginLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_links_truncated"();

-- The rows already there, counted once; no write may slip in before this migration commits.
LOCK TABLE "Response", "LoginLink" IN SHARE MODE;

INSERT INTO "ResponseTally" ("campaignId", "regionId", "shard", "section", "responses", "drafts", "submitted", "completionSum")
SELECT c."campaignId", c."regionId", c."shard", c."section", sum(c."responses"), sum(c."drafts"), sum(c."submitted"), sum(c."completionSum")
FROM "Response" AS r,
     dashboard_response_counts(r."campaignId", r."regionId", r."id", r."status", r."completion", r."sectionCompletion", 1) AS c
GROUP BY c."campaignId", c."regionId", c."shard", c."section";

INSERT INTO "CampaignRegistrant" ("campaignId", "userId", "links")
SELECT "campaignId", "userId", count(*) FROM "LoginLink" GROUP BY "campaignId", "userId";

INSERT INTO "RegistrationTally" ("campaignId", "shard", "registered")
SELECT "campaignId", hashtext("userId") & 7, count(*) FROM "CampaignRegistrant" GROUP BY "campaignId", hashtext("userId") & 7;
