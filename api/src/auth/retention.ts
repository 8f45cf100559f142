// How long the records of authentication are kept, and their pruning. The server prunes on its own
// as requests come (at most once per PRUNE_INTERVAL_MS per process, whichever request comes first
// after it), a bounded batch per table, each delete walking an index on the time column, so a run
// costs about the rows it removes. Several processes may prune at once: deletes of the same rows
// just find them gone.
import type { Db } from '../db/client.ts';

/** AuthEvent rows (the sign-in audit trail) are kept this long. */
export const AUTH_EVENT_RETENTION_MS = 180 * 24 * 60 * 60 * 1000;
/** RateLimitHit rows: the longest window that reads them (the coordinators' sign-in throttle, 24 h). */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;
export const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/** Rows removed per table per statement; a run repeats it up to PRUNE_BATCHES times. */
const PRUNE_BATCH = 5_000;
const PRUNE_BATCHES = 4;

export interface PruneResult {
  authEvents: number;
  rateLimitHits: number;
  usedChallenges: number;
}

/** Removes what is past its retention, by the database's clock (in UTC, as the columns hold it). */
export async function pruneAuthRecords(prisma: Db): Promise<PruneResult> {
  const result: PruneResult = { authEvents: 0, rateLimitHits: 0, usedChallenges: 0 };
  const authEventsBefore = `${AUTH_EVENT_RETENTION_MS / 1000} seconds`;
  const rateLimitsBefore = `${RATE_LIMIT_RETENTION_MS / 1000} seconds`;
  for (let batch = 0; batch < PRUNE_BATCHES; batch++) {
    const authEvents = await prisma.$executeRaw`
      DELETE FROM "AuthEvent" WHERE id IN (
        SELECT id FROM "AuthEvent" WHERE at < (now() AT TIME ZONE 'UTC') - ${authEventsBefore}::interval ORDER BY at LIMIT ${PRUNE_BATCH}::int)`;
    const rateLimitHits = await prisma.$executeRaw`
      DELETE FROM "RateLimitHit" WHERE id IN (
        SELECT id FROM "RateLimitHit" WHERE at < (now() AT TIME ZONE 'UTC') - ${rateLimitsBefore}::interval ORDER BY at LIMIT ${PRUNE_BATCH}::int)`;
    const usedChallenges = await prisma.$executeRaw`
      DELETE FROM "UsedChallenge" WHERE id IN (
        SELECT id FROM "UsedChallenge" WHERE "expiresAt" < (now() AT TIME ZONE 'UTC') ORDER BY "expiresAt" LIMIT ${PRUNE_BATCH}::int)`;
    result.authEvents += authEvents;
    result.rateLimitHits += rateLimitHits;
    result.usedChallenges += usedChallenges;
    if (authEvents < PRUNE_BATCH && rateLimitHits < PRUNE_BATCH && usedChallenges < PRUNE_BATCH) break;
  }
  return result;
}

const lastRun = new WeakMap<object, number>();

/**
 * Prunes when this process has not done so for PRUNE_INTERVAL_MS (called on the paths that write
 * these tables). A failure is only logged: pruning never fails the request that triggered it.
 */
export async function pruneAuthRecordsWhenDue(prisma: Db, now = Date.now()): Promise<void> {
  const last = lastRun.get(prisma);
  if (last !== undefined && now - last < PRUNE_INTERVAL_MS) return;
  lastRun.set(prisma, now);
  try {
    await pruneAuthRecords(prisma);
  } catch (error) {
    console.error(`auth records: pruning failed: ${(error as Error).message}`);
  }
}
