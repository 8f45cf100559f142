// Campaigns: their parsed definitions and their survey window (its rules, pure, in survey/window.ts).
import type { Db, Tx } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import { parseDefinition, type SurveyDefinition } from '../survey/definition.ts';
import { type CampaignWindow, moscowTimeText, windowState } from '../survey/window.ts';
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

/** The campaign's definition, parsed once per digest. */
export function campaignDefinition(campaign: Pick<Campaign, 'definition' | 'definitionSha256'>): SurveyDefinition {
  let definition = definitions.get(campaign.definitionSha256);
  if (!definition) {
    definition = parseDefinition(campaign.definition);
    definitions.set(campaign.definitionSha256, definition);
  }
  return definition;
}

/**
 * Locks the campaign row for the rest of the transaction (shared: saves run side by side, but a
 * window change waits for them) and returns it with the database's clock.
 */
export async function lockCampaignForWrite(tx: Tx, campaignCode: string): Promise<{ campaign: Campaign; now: Date }> {
  const rows = await tx.$queryRaw<{ id: number; now: Date }[]>`
    SELECT id, now() AS now FROM "Campaign" WHERE code = ${campaignCode} FOR SHARE`;
  const row = rows[0];
  if (!row) throw campaignNotFound(campaignCode);
  const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: row.id } });
  return { campaign, now: new Date(row.now) };
}

/**
 * Locks the campaign row for a change (FOR UPDATE: it waits for saves in flight, which hold it in
 * share mode, and changes of one campaign happen one after another); null when there is none.
 */
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
  opensAt?: Date;
  closesAt?: Date;
  state?: Campaign['state'];
}

export interface AuditedBy {
  actor: Actor;
  action: 'campaign.window.open' | 'campaign.window.close' | 'campaign.window.move';
  reason?: string | null;
}

const windowOf = (campaign: Campaign) => ({ opensAt: campaign.opensAt, closesAt: campaign.closesAt, state: campaign.state });

/**
 * Moves a campaign's window. Takes the campaign row FOR UPDATE, so it waits for saves in flight (they
 * hold it in share mode) and every later save sees the new window. Recorded in the audit log when a
 * coordinator does it.
 */
export async function setCampaignWindow(prisma: Db, campaignCode: string, change: WindowChange, audited?: AuditedBy): Promise<Campaign> {
  return prisma.$transaction(async (tx) => {
    const current = await lockCampaignForUpdate(tx, campaignCode);
    if (!current) throw campaignNotFound(campaignCode);
    const opensAt = change.opensAt ?? current.opensAt;
    const closesAt = change.closesAt ?? current.closesAt;
    if (closesAt <= opensAt) {
      throw new ValidationError([fieldError('closesAt', 'OUT_OF_RANGE', 'Дата закрытия должна быть позже даты открытия.')]);
    }
    const updated = await tx.campaign.update({ where: { id: current.id }, data: { opensAt, closesAt, state: change.state ?? current.state } });
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
  });
}

/** Lets one region's respondents answer until `closesAt` although the campaign's window has closed. */
export async function extendWindowForRegion(
  prisma: Db,
  actor: Actor,
  input: { campaignCode: string; regionCode: string; closesAt: Date; reason?: string | null },
) {
  return prisma.$transaction(async (tx) => {
    const campaign = await lockCampaignForUpdate(tx, input.campaignCode);
    if (!campaign) throw campaignNotFound(input.campaignCode);
    const region = await tx.region.findUnique({ where: { code: input.regionCode } });
    if (!region) throw new NotFoundError(`Субъект «${input.regionCode}» не найден.`);
    if (input.closesAt <= campaign.closesAt) {
      throw new ValidationError([fieldError('closesAt', 'OUT_OF_RANGE', 'Продление должно заканчиваться позже закрытия опроса.')]);
    }
    const before = await tx.regionWindowExtension.findUnique({ where: { campaignId_regionId: { campaignId: campaign.id, regionId: region.id } } });
    const extension = await tx.regionWindowExtension.upsert({
      where: { campaignId_regionId: { campaignId: campaign.id, regionId: region.id } },
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
  });
}

/** The campaign as it applies to one region: its window closes at the region's extension, if later. */
export async function campaignForRegion(tx: Tx, campaign: Campaign, regionId: number | null | undefined): Promise<Campaign> {
  if (!regionId) return campaign;
  const extension = await tx.regionWindowExtension.findUnique({ where: { campaignId_regionId: { campaignId: campaign.id, regionId } } });
  return extension && extension.closesAt > campaign.closesAt ? { ...campaign, closesAt: extension.closesAt } : campaign;
}
