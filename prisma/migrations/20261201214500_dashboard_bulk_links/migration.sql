-- The commit step for "LoginLink" (migration dashboard_tallies) joined the registrants it had just
-- written to the changes it had added, two sets without statistics: once PostgreSQL kept a generic plan
-- made for a few pending rows, it joined them row by row, and a bulk load of n links cost n² (50,000
-- links: 30 s at commit). The two sets are now brought together by one grouping, which costs the same
-- whatever the plan.
CREATE OR REPLACE FUNCTION "dashboard_link_commit"() RETURNS trigger
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
  ), people AS (
    -- Per person: the links held after this commit, and the change it made.
    SELECT "campaignId", "userId", sum(after) AS after, sum(change) AS change
    FROM (SELECT "campaignId", "userId", "links" AS after, 0 AS change FROM held
          UNION ALL
          SELECT "campaignId", "userId", 0, links FROM net) AS sides
    GROUP BY "campaignId", "userId"
  )
  INSERT INTO "RegistrationTally" AS t ("campaignId", "shard", "registered")
  SELECT "campaignId", hashtext("userId") & 7, sum((after > 0)::integer - (after - change > 0)::integer)
  FROM people
  GROUP BY "campaignId", hashtext("userId") & 7
  HAVING sum((after > 0)::integer - (after - change > 0)::integer) <> 0
  ORDER BY 1, 2
  ON CONFLICT ("campaignId", "shard") DO UPDATE SET "registered" = t."registered" + EXCLUDED."registered";
  RETURN NULL;
END
$$;
