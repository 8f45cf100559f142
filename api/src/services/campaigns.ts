// Campaigns: their parsed definitions and their survey window (its rules, pure, in survey/window.ts).
import { type Db, type Tx, urgently } from '../db/client.ts';
import { type Campaign, Prisma } from '../generated/prisma/client.ts';
import { parseDefinition, type SurveyDefinition } from '../survey/definition.ts';
import { type CampaignWindow, moscowTimeText, type PlannedPeriod, plannedPeriod, windowState } from '../survey/window.ts';
import { recordAudit, type Actor } from './audit.ts';
import { fieldError, NotFoundError, ValidationError, WindowClosedError } from './errors.ts';

/** Throws WindowClosedError unless the window is open at `now`. */
export function assertWindowOpen(campaign: CampaignWindow, now: Date): void {
  const state = windowState(campaign, now);
  if (state === 'OPEN') return;
  const message =
    state === 'NOT_YET_OPEN'
      ? `Заполнение анкеты откроется ${moscowTimeText(campaign.opensAt)} (мск).`
      : state === 'DRAFT'
        ? 'Опрос ещё не опубликован.'
        : `Приём ответов завершён ${moscowTimeText(campaign.closesAt)} (мск). Изменения не сохранены.`;
  throw new WindowClosedError(message, campaign.opensAt, campaign.closesAt);
}

const definitions = new Map<string, SurveyDefinition>();

/** The digests of the definitions parsed so far (a save reads a campaign's definition only when it is not among them). */
export function knownDefinitionDigests(): string[] {
  return [...definitions.keys()];
}

/** The campaign's definition, parsed once per digest. */
export function campaignDefinition(campaign: { definition?: unknown; definitionSha256: string }): SurveyDefinition {
  let definition = definitions.get(campaign.definitionSha256);
  if (!definition) {
    if (campaign.definition === undefined || campaign.definition === null) throw new Error(`definition ${campaign.definitionSha256} not loaded`);
    definition = parseDefinition(campaign.definition);
    definitions.set(campaign.definitionSha256, definition);
  }
  return definition;
}

// ---------------------------------------------------------------------------
// The window lock
//
// Every use case that checks a window (saves, submits, registration, «send my link again», a resent
// link) holds a transaction-level advisory lock in shared mode; every change of a window holds it in
// exclusive mode. PostgreSQL's lock manager queues a waiting exclusive request ahead of shared ones
// that come later, so a change waits only for the checks already in flight (milliseconds), however
// many keep arriving, and every check that starts after it sees the new window. (Row locks, FOR
// SHARE against FOR UPDATE, do not queue that way: the closer starved behind a stream of saves.)
// A check must not see a window older than a change that committed while it waited for the lock:
// either it reads the window in a later statement of its transaction (lockWindowsForCheck), or, in
// one statement that takes the lock and writes (windowCheck, for saves and submits), it reads the
// campaign and extension rows with a row lock (FOR SHARE), for which PostgreSQL returns the newest
// committed version of a row that a change updated, not the one the statement's snapshot saw. (Not
// FOR KEY SHARE: it does not conflict with an update of other columns, so it keeps the old version.)
// The row lock is taken after the window lock, so it never holds up a change: a change waits for
// the window lock first, and saves take the row lock only once they hold the window lock. A change reads the
// clock after taking its lock, so a close "now" is later than every save acknowledged before it.
// One lock for all campaigns: window changes are rare and short.

/** The advisory lock's key (an arbitrary constant of this product). */
const WINDOW_LOCK_KEY = 190_866_001;

/** Takes the window lock in shared mode until the transaction ends (a window check follows). */
export async function lockWindowsForCheck(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${WINDOW_LOCK_KEY}::bigint)`;
}

/** Takes the window lock in exclusive mode until the transaction ends, and returns the database's clock then. */
export async function lockWindowsForChange(tx: Tx): Promise<Date> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WINDOW_LOCK_KEY}::bigint)`;
  return clockNow(tx);
}

/**
 * The database's clock now (not the transaction's start, which may precede a wait for the lock):
 * what a window is checked against.
 */
export async function clockNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return new Date(row!.now);
}

/**
 * The common table expressions of one statement that checks a campaign's window under the window
 * lock: `campaign` (its window and the database's clock in UTC, read after the lock), `extended` (the
 * extensions of the regions named) and `verdict` (the window's fields, the clock, the extensions as
 * { regionId: epoch ms }, and `open`: open for every region named, each by its extension if later).
 * A write that follows in the statement is guarded by `(SELECT open FROM verdict)`. The lock is taken
 * in the campaign row's filter, before the row lock: see the comment above.
 */
export function windowCheck(campaignId: number, regionIds: (number | null | undefined)[]): Prisma.Sql {
  const named = [...new Set(regionIds.filter((id): id is number => Boolean(id)))];
  const openFor = (named.length ? named : [null]).map(
    (regionId) =>
      Prisma.sql`campaign.now < greatest(campaign."closesAt", (SELECT e."closesAt" FROM extended AS e WHERE e."regionId" = ${regionId}::integer))`,
  );
  return Prisma.sql`campaign AS (
      SELECT c.id, c.state::text AS state, c."opensAt", c."closesAt", (clock_timestamp() AT TIME ZONE 'UTC') AS now
      FROM "Campaign" AS c
      WHERE c.id = ${campaignId} AND (SELECT pg_advisory_xact_lock_shared(${WINDOW_LOCK_KEY}::bigint)::text) = ''
      FOR SHARE
    ), extended AS (
      SELECT e."regionId", e."closesAt" FROM "RegionWindowExtension" AS e JOIN campaign ON e."campaignId" = campaign.id
      WHERE e."regionId" = ANY(${named}::integer[])
      FOR SHARE OF e
    ), verdict AS (
      SELECT campaign.state, campaign."opensAt", campaign."closesAt", campaign.now,
        (SELECT jsonb_object_agg(e."regionId"::text, extract(epoch FROM e."closesAt") * 1000) FROM extended AS e) AS extensions,
        (campaign.state = 'PUBLISHED' AND campaign."opensAt" <= campaign.now AND ${Prisma.join(openFor, ' AND ')}) AS open
      FROM campaign
    )`;
}

/** What `verdict` of windowCheck() returns. */
export interface WindowVerdict {
  state: Campaign['state'];
  opensAt: Date;
  closesAt: Date;
  now: Date;
  extensions: Record<string, number> | null;
  open: boolean;
}

/** Throws WindowClosedError, saying why, unless the verdict found the window open for every region named. */
export function assertVerdictOpen(verdict: WindowVerdict, regionIds: (number | null | undefined)[]): void {
  if (verdict.open) return;
  const now = new Date(verdict.now);
  const base = { state: verdict.state, opensAt: new Date(verdict.opensAt), closesAt: new Date(verdict.closesAt) };
  for (const regionId of regionIds.length ? regionIds : [null]) {
    const extended = regionId ? verdict.extensions?.[String(regionId)] : undefined;
    assertWindowOpen(extended && extended > base.closesAt.getTime() ? { ...base, closesAt: new Date(extended) } : base, now);
  }
  // Open for each region by this reckoning, yet not by the database's: refuse all the same.
  assertWindowOpen({ ...base, closesAt: now }, now);
}

/** Locks the campaign row for a change (changes of one campaign happen one after another); null when there is none. */
export async function lockCampaignForUpdate(tx: Tx, campaignCode: string): Promise<Campaign | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Campaign" WHERE code = ${campaignCode} FOR UPDATE`;
  return rows[0] ? tx.campaign.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

/** What every use case naming a campaign that does not exist (or is not the caller's to see) says. */
export const campaignNotFound = (campaignCode: string) => new NotFoundError(`Опрос «${campaignCode}» не найден.`);

/** The campaign with this code; NotFoundError when there is none. */
export async function campaignByCode(db: Db | Tx, campaignCode: string): Promise<Campaign> {
  const campaign = await db.campaign.findUnique({ where: { code: campaignCode } });
  if (!campaign) throw campaignNotFound(campaignCode);
  return campaign;
}

export interface WindowChange {
  /** A moment, or 'now': the database's clock when the change takes effect. */
  opensAt?: Date | 'now';
  closesAt?: Date | 'now';
  state?: Campaign['state'];
}

export interface AuditedBy {
  actor: Actor;
  action: 'campaign.window.open' | 'campaign.window.close' | 'campaign.window.move';
  reason?: string | null;
}

const windowOf = (campaign: Campaign) => ({
  opensAt: campaign.opensAt,
  closesAt: campaign.closesAt,
  state: campaign.state,
  plannedOpensAt: plannedPeriod(campaign).opensAt,
  plannedClosesAt: plannedPeriod(campaign).closesAt,
});

/** How long a window change waits for the saves in flight before it gives up (they take milliseconds). */
const WINDOW_CHANGE_TIMEOUT_MS = 10_000;

/**
 * Moves a campaign's window. Holds the window lock exclusively (lockWindowsForChange): it waits only
 * for the checks in flight, goes ahead of the transactions waiting for a connection (urgently), and
 * every later save sees the new window. Closing "now" closes at the database's clock after the lock,
 * and a window that has not opened yet then opens a second earlier, so it stays valid. Recorded in the
 * audit log when a coordinator does it.
 */
export async function setCampaignWindow(prisma: Db, campaignCode: string, change: WindowChange, audited?: AuditedBy): Promise<Campaign> {
  return urgently(() =>
    prisma.$transaction(
      async (tx) => {
        const now = await lockWindowsForChange(tx);
        const current = await lockCampaignForUpdate(tx, campaignCode);
        if (!current) throw campaignNotFound(campaignCode);
        const { opensAt, closesAt, planned } = nextWindow(current, change, now);
        if (closesAt <= opensAt) {
          const message =
            change.opensAt === 'now' && change.closesAt === undefined
              ? `Плановый срок опроса закончился ${moscowTimeText(planned.closesAt)} (мск): укажите новую дату закрытия.`
              : 'Дата закрытия должна быть позже даты открытия.';
          throw new ValidationError([fieldError('closesAt', 'OUT_OF_RANGE', message)]);
        }
        const updated = await tx.campaign.update({
          where: { id: current.id },
          data: { opensAt, closesAt, plannedOpensAt: planned.opensAt, plannedClosesAt: planned.closesAt, state: change.state ?? current.state },
        });
        if (audited) {
          await recordAudit(tx, audited.actor, {
            action: audited.action,
            subjectType: 'Campaign',
            subjectId: current.code,
            before: windowOf(current),
            after: windowOf(updated),
            reason: audited.reason,
          });
        }
        return updated;
      },
      { timeout: WINDOW_CHANGE_TIMEOUT_MS },
    ),
  );
}

/**
 * The window in force and the planned period after a change (issue 13, item 3). Dates given move
 * both; «now» is an event that moves only the window: closing now keeps the planned period (texts
 * still say when the survey was meant to run), and opening now without a closing date reopens until
 * the planned end (an error when that has passed). Opening now with a closing date while the planned
 * period is over starts a new period: now to that date.
 */
export function nextWindow(current: Campaign, change: WindowChange, now: Date): { opensAt: Date; closesAt: Date; planned: PlannedPeriod } {
  const planned = plannedPeriod(current);
  const given = (value: Date | 'now' | undefined): Date | undefined => (value instanceof Date ? value : undefined);
  let closesAt = change.closesAt === 'now' ? now : (change.closesAt ?? current.closesAt);
  let opensAt = change.opensAt === 'now' ? now : (change.opensAt ?? current.opensAt);
  if (change.closesAt === 'now' && change.opensAt === undefined && opensAt >= closesAt) opensAt = new Date(closesAt.getTime() - 1000);
  // Reopening after a close: until the planned end, unless a date is given.
  if (change.opensAt === 'now' && change.closesAt === undefined && current.closesAt <= now) closesAt = planned.closesAt;
  const next: PlannedPeriod = {
    opensAt: given(change.opensAt) ?? planned.opensAt,
    closesAt: given(change.closesAt) ?? planned.closesAt,
  };
  // A new round: opened now with a new closing date after the planned period ended.
  if (change.opensAt === 'now' && change.closesAt instanceof Date && planned.closesAt <= now) next.opensAt = now;
  if (next.closesAt <= next.opensAt) next.opensAt = opensAt;
  return { opensAt, closesAt, planned: next };
}

/** Lets one region's respondents answer until `closesAt` although the campaign's window has closed. */
export async function extendWindowForRegion(
  prisma: Db,
  actor: Actor,
  input: { campaignCode: string; regionCode: string; closesAt: Date; reason?: string | null },
) {
  return urgently(() =>
    prisma.$transaction(
      async (tx) => {
        await lockWindowsForChange(tx);
        const campaign = await lockCampaignForUpdate(tx, input.campaignCode);
        if (!campaign) throw campaignNotFound(input.campaignCode);
        const region = await tx.region.findUnique({ where: { code: input.regionCode } });
        if (!region) throw new NotFoundError(`Субъект «${input.regionCode}» не найден.`);
        if (input.closesAt <= campaign.closesAt) {
          throw new ValidationError([fieldError('closesAt', 'OUT_OF_RANGE', 'Продление должно заканчиваться позже закрытия опроса.')]);
        }
        const key = { campaignId_regionId: { campaignId: campaign.id, regionId: region.id } };
        const before = await tx.regionWindowExtension.findUnique({ where: key });
        const extension = await tx.regionWindowExtension.upsert({
          where: key,
          create: { campaignId: campaign.id, regionId: region.id, closesAt: input.closesAt },
          update: { closesAt: input.closesAt },
        });
        await recordAudit(tx, actor, {
          action: 'campaign.window.extend_region',
          subjectType: 'Campaign',
          subjectId: `${campaign.code}/${region.code}`,
          before: before ? { closesAt: before.closesAt } : null,
          after: { closesAt: extension.closesAt },
          reason: input.reason,
        });
        return extension;
      },
      { timeout: WINDOW_CHANGE_TIMEOUT_MS },
    ),
  );
}

/** The campaign as it applies to one region: its window closes at the region's extension, if later. */
export async function campaignForRegion(tx: Tx, campaign: Campaign, regionId: number | null | undefined): Promise<Campaign> {
  if (!regionId) return campaign;
  const extension = await tx.regionWindowExtension.findUnique({ where: { campaignId_regionId: { campaignId: campaign.id, regionId } } });
  return extension && extension.closesAt > campaign.closesAt ? { ...campaign, closesAt: extension.closesAt } : campaign;
}
