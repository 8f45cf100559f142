// The analytics coordinators publish (seed 002), over SUBMITTED questionnaires only. The arithmetic is
// pure (analyticsCompute.ts: shares by respondents and by mentions, n per question, year and group
// field, pooled years, totals, regions at the extremes and per option, free-text answers; the
// definition's ratios); disclosure control is pure too (disclosure.ts). Here: loading the answers
// (with their regions and the 2021 measures), who did not take part (against the campaign's own list
// of expected regions), publishing a dated, versioned, immutable snapshot and reading it back.
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { type Actor, recordAudit } from './audit.ts';
import { type QuestionFigures, type RatioFigures, type RegionRef, computeAnalytics, computeRatios } from './analyticsCompute.ts';
import { campaignByCode, campaignDefinition } from './campaigns.ts';
import { fieldError, ValidationError } from './errors.ts';
import { discloseQuestions, discloseRatios, disclosureThreshold } from './disclosure.ts';

export * from './analyticsCompute.ts';

export interface AnalyticsRegion extends RegionRef {
  id: number;
}

export interface CampaignAnalytics {
  campaignCode: string;
  title: string;
  year: number;
  respondentsCount: number;
  sections: { code: string; title: string }[];
  questions: QuestionFigures[];
  ratios: RatioFigures[];
  /** The regions expected to take part: the campaign's list, or all regions when it has none. */
  expectedRegionsCount: number;
  /** Whether the campaign has its own list of expected regions. */
  expectedRegionsSet: boolean;
  /** The campaign's own list (ISO codes, official order); empty when it has none. */
  expectedRegionCodes: string[];
  /** Expected regions with a submitted questionnaire. */
  participatingRegionsCount: number;
  /** Expected regions without a submitted questionnaire, in official order. */
  nonParticipatingRegions: AnalyticsRegion[];
  /** Disclosure control applied (a publication): the threshold; null for coordinators' live figures. */
  threshold: number | null;
}

const PAGE = 500;

interface Loaded {
  answers: Record<string, unknown>[];
  regions: (RegionRef | null)[];
  regionIds: Set<number>;
}

/** The answers of the campaign's submitted questionnaires, their regions, and the 2021 measures as items. */
async function loadSubmitted(prisma: Db | Tx, campaignId: number, measureCodes: string[]): Promise<Loaded> {
  const regionRows = await prisma.region.findMany({ select: { id: true, code: true, name: true } });
  const regionById = new Map(regionRows.map((region) => [region.id, { code: region.code, name: region.name }]));
  const typeRows = measureCodes.length ? await prisma.measureType.findMany({ select: { id: true, code: true } }) : [];
  const typeCode = new Map(typeRows.map((type) => [type.id, type.code]));
  const loaded: Loaded = { answers: [], regions: [], regionIds: new Set() };
  // Read in pages by id so a campaign of thousands of questionnaires is a handful of queries.
  let cursor = 0;
  for (;;) {
    const page = await prisma.response.findMany({
      where: { campaignId, status: 'SUBMITTED', id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: {
        id: true,
        regionId: true,
        answers: { select: { questionCode: true, value: true } },
        ...(measureCodes.length
          ? {
              measures: {
                orderBy: [{ questionCode: 'asc' }, { position: 'asc' }],
                select: { questionCode: true, typeId: true, title: true, description: true, result: true, year: true },
              },
            }
          : {}),
      },
    });
    for (const response of page) {
      const answers: Record<string, unknown> = Object.fromEntries(response.answers.map((answer) => [answer.questionCode, answer.value]));
      // The measures live in their own table: as items of their question, like a group's.
      const measures =
        (
          response as {
            measures?: {
              questionCode: string;
              typeId: number | null;
              title: string | null;
              description: string | null;
              result: string | null;
              year: number | null;
            }[];
          }
        ).measures ?? [];
      for (const code of measureCodes) {
        const items = measures
          .filter((measure) => measure.questionCode === code)
          .map(({ questionCode: _, typeId, ...fields }) => ({ ...fields, type: typeId === null ? null : (typeCode.get(typeId) ?? null) }));
        if (items.length) answers[code] = items;
      }
      loaded.answers.push(answers);
      loaded.regions.push(response.regionId ? (regionById.get(response.regionId) ?? null) : null);
      if (response.regionId) loaded.regionIds.add(response.regionId);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  return loaded;
}

/** The campaign's live figures, unsuppressed (coordinators). */
export async function campaignAnalytics(prisma: Db | Tx, campaignCode: string): Promise<CampaignAnalytics> {
  const campaign = await campaignByCode(prisma, campaignCode);
  const definition = campaignDefinition(campaign);
  const measureCodes = definition.sections.flatMap((section) =>
    section.questions.filter((question) => question.type === 'measures').map((question) => question.code),
  );
  const loaded = await loadSubmitted(prisma, campaign.id, measureCodes);
  const regions = await prisma.region.findMany({ orderBy: { position: 'asc' }, select: { id: true, code: true, name: true } });
  const expectedSet = campaign.expectedRegions.length > 0;
  const expected = expectedSet ? regions.filter((region) => campaign.expectedRegions.includes(region.code)) : regions;
  const input = { definition, answers: loaded.answers, regions: loaded.regions };
  return {
    campaignCode: campaign.code,
    title: campaign.title,
    year: campaign.year,
    respondentsCount: loaded.answers.length,
    sections: definition.sections.map((section) => ({ code: section.code, title: section.title })),
    questions: computeAnalytics(input),
    ratios: computeRatios(input),
    expectedRegionsCount: expected.length,
    expectedRegionsSet: expectedSet,
    expectedRegionCodes: expectedSet ? expected.map((region) => region.code) : [],
    participatingRegionsCount: expected.filter((region) => loaded.regionIds.has(region.id)).length,
    nonParticipatingRegions: expected.filter((region) => !loaded.regionIds.has(region.id)),
    threshold: null,
  };
}

/** The figures as they may be published: disclosure control applied. Mutates and returns them. */
export function discloseAnalytics(analytics: CampaignAnalytics, threshold: number, publishTexts: string[]): CampaignAnalytics {
  discloseQuestions(analytics.questions, threshold, publishTexts);
  discloseRatios(analytics.ratios, threshold);
  analytics.threshold = threshold;
  return analytics;
}

export interface Publication {
  id: number;
  campaignCode: string;
  version: number;
  publishedAt: Date;
  threshold: number;
  respondentsCount: number;
  analytics: CampaignAnalytics;
}

export interface PublicationSummary {
  version: number;
  publishedAt: Date;
  respondentsCount: number;
}

const CAMPAIGN_CODE_MAX = 64;
const REGION_CODE_MAX = 16;

/**
 * Text that can be looked up at all: well formed (a lone UTF-16 surrogate cannot be encoded for the
 * database, whose statement would fail) and of a code's length.
 */
const storable = (code: string, max: number) => code.isWellFormed() && code.length <= max;

/** A campaign code that cannot be one (malformed text, too long) is the field's error, not a lookup. */
function refuseBadCampaignCode(campaignCode: string): void {
  if (!storable(campaignCode, CAMPAIGN_CODE_MAX)) {
    throw new ValidationError([
      fieldError('campaignCode', 'WRONG_FORMAT', `Код опроса — латинские буквы, цифры и дефис, не длиннее ${CAMPAIGN_CODE_MAX} символов.`),
    ]);
  }
}

/**
 * Publishes the campaign's analytics as of now: a new version (the next number), the figures after
 * disclosure control, audited; earlier versions are kept. Serialised per campaign by the unique
 * (campaign, version): a concurrent publication of the same number fails and is retried once.
 */
export async function publishAnalytics(prisma: Db, actor: Actor, campaignCode: string, threshold = disclosureThreshold()): Promise<Publication> {
  refuseBadCampaignCode(campaignCode);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx) => {
        const campaign = await campaignByCode(tx, campaignCode);
        const definition = campaignDefinition(campaign);
        const analytics = discloseAnalytics(await campaignAnalytics(tx, campaignCode), threshold, definition.analytics?.publishTexts ?? []);
        const last = await tx.analyticsPublication.findFirst({
          where: { campaignId: campaign.id },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        const row = await tx.analyticsPublication.create({
          data: {
            campaignId: campaign.id,
            version: (last?.version ?? 0) + 1,
            publishedById: actor.id,
            threshold,
            respondentsCount: analytics.respondentsCount,
            figures: JSON.parse(JSON.stringify(analytics)) as Prisma.InputJsonValue,
          },
        });
        await recordAudit(tx, actor, {
          action: 'analytics.publish',
          subjectType: 'Campaign',
          subjectId: campaign.id,
          after: { version: row.version, respondentsCount: row.respondentsCount, threshold },
        });
        return {
          id: row.id,
          campaignCode,
          version: row.version,
          publishedAt: row.publishedAt,
          threshold,
          respondentsCount: row.respondentsCount,
          analytics,
        };
      });
    } catch (error) {
      if (attempt === 0 && (error as { code?: string }).code === 'P2002') continue;
      throw error;
    }
  }
}

/** A publication of the campaign: the given version, or the latest; null when there is none. */
export async function publishedAnalytics(prisma: Db, campaignCode: string, version?: number | null): Promise<Publication | null> {
  const campaign = await prisma.campaign.findUnique({ where: { code: campaignCode }, select: { id: true } });
  if (!campaign) return null;
  const row = await prisma.analyticsPublication.findFirst({
    where: { campaignId: campaign.id, ...(version ? { version } : {}) },
    orderBy: { version: 'desc' },
  });
  if (!row) return null;
  return {
    id: row.id,
    campaignCode,
    version: row.version,
    publishedAt: row.publishedAt,
    threshold: row.threshold,
    respondentsCount: row.respondentsCount,
    analytics: row.figures as unknown as CampaignAnalytics,
  };
}

/** The campaign's publications, newest first (at most `limit`). */
export async function publicationVersions(prisma: Db, campaignCode: string, limit = 100): Promise<PublicationSummary[]> {
  return prisma.analyticsPublication.findMany({
    where: { campaign: { code: campaignCode } },
    orderBy: { version: 'desc' },
    take: limit,
    select: { version: true, publishedAt: true, respondentsCount: true },
  });
}

/** Sets the regions a campaign expects to take part (ISO codes; empty: all regions), audited. */
export async function setExpectedRegions(prisma: Db, actor: Actor, campaignCode: string, regionCodes: string[]): Promise<string[]> {
  refuseBadCampaignCode(campaignCode);
  const malformed = regionCodes.findIndex((code) => !storable(code, REGION_CODE_MAX));
  if (malformed >= 0) {
    throw new ValidationError([
      fieldError(`regionCodes[${malformed}]`, 'WRONG_FORMAT', 'Код региона — это код ISO 3166-2 (например, RU-ALT) не длиннее 16 символов.'),
    ]);
  }
  const unique = [...new Set(regionCodes)];
  const known = await prisma.region.findMany({ where: { code: { in: unique } }, select: { code: true }, orderBy: { position: 'asc' } });
  const unknown = unique.filter((code) => !known.some((region) => region.code === code));
  if (unknown.length) {
    throw new ValidationError([
      fieldError('regionCodes', 'UNKNOWN_REFERENCE', `Таких регионов нет в справочнике: ${unknown.slice(0, 10).join(', ')}.`),
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const campaign = await campaignByCode(tx, campaignCode);
    const codes = known.map((region) => region.code);
    await tx.campaign.update({ where: { id: campaign.id }, data: { expectedRegions: codes } });
    await recordAudit(tx, actor, {
      action: 'campaign.expectedRegions',
      subjectType: 'Campaign',
      subjectId: campaign.id,
      before: { expectedRegions: campaign.expectedRegions },
      after: { expectedRegions: codes },
    });
    return codes;
  });
}
