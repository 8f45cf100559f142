// The measures respondents listed (2021 questionnaire, section 3) as coordinators read them: the
// list filter, and the summary by type group, type and region — counted by the database.
import type { Db } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { campaignByCode } from './campaigns.ts';

export interface MeasureFilter {
  campaignCode?: string | null;
  groupId?: number | null;
  typeId?: number | null;
  regionId?: number | null;
  authorityId?: number | null;
  submittedOnly?: boolean | null;
  q?: string | null;
  ids?: number[] | null;
}

/** The Prisma condition for a measure filter; every word of `q` must occur in the title or the description. */
export function measureWhere(filter: MeasureFilter | null | undefined): Prisma.MeasureWhereInput {
  const words = (filter?.q ?? '').split(/\s+/).filter(Boolean);
  const response: Prisma.ResponseWhereInput = {
    ...(filter?.campaignCode ? { campaign: { code: filter.campaignCode } } : {}),
    ...(filter?.regionId ? { regionId: filter.regionId } : {}),
    ...(filter?.authorityId ? { authorityId: filter.authorityId } : {}),
    ...(filter?.submittedOnly ? { status: 'SUBMITTED' as const } : {}),
  };
  return {
    ...(Object.keys(response).length ? { response } : {}),
    ...(filter?.typeId ? { typeId: filter.typeId } : {}),
    ...(filter?.groupId ? { type: { groupId: filter.groupId } } : {}),
    ...(filter?.ids ? { id: { in: filter.ids } } : {}),
    ...(words.length
      ? {
          AND: words.map((word) => ({
            OR: [{ title: { contains: word, mode: 'insensitive' as const } }, { description: { contains: word, mode: 'insensitive' as const } }],
          })),
        }
      : {}),
  };
}

export interface TypeCount {
  typeId: number;
  code: string;
  name: string;
  position: number;
  count: number;
  share: number;
}

export interface GroupCount {
  groupId: number;
  code: string;
  name: string;
  position: number;
  count: number;
  share: number;
  types: TypeCount[];
}

export interface RegionCount {
  regionId: number;
  code: string;
  name: string;
  count: number;
  share: number;
  authorities: number;
  responses: number;
}

export interface MeasureSummary {
  campaignCode: string;
  submittedOnly: boolean;
  /** All measures counted, with or without a type. */
  total: number;
  /** Measures saved without a type yet (drafts). */
  untyped: number;
  groups: GroupCount[];
  regions: RegionCount[];
}

// Shares are rounded to 4 decimals so 1/3 reads the same everywhere.
const shareOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 10_000) / 10_000);

/**
 * Counts by type group and type (every type, zeros included) and by region (regions with measures,
 * with the number of authorities and questionnaires behind them). Counting is done by groupBy / SQL;
 * JavaScript only joins the few aggregate rows to the taxonomy and region names.
 */
export async function measureSummary(prisma: Db, campaignCode: string, submittedOnly: boolean): Promise<MeasureSummary> {
  const campaign = await campaignByCode(prisma, campaignCode);
  const status = submittedOnly ? Prisma.sql`AND r."status" = 'SUBMITTED'` : Prisma.empty;
  const [byType, byRegion, groups] = await Promise.all([
    prisma.measure.groupBy({
      by: ['typeId'],
      where: { response: { campaignId: campaign.id, ...(submittedOnly ? { status: 'SUBMITTED' as const } : {}) } },
      _count: { _all: true },
    }),
    prisma.$queryRaw<{ regionId: number; measures: number; authorities: number; responses: number }[]>`
      SELECT r."regionId" AS "regionId", COUNT(m."id")::int AS "measures",
             COUNT(DISTINCT r."authorityId")::int AS "authorities", COUNT(DISTINCT r."id")::int AS "responses"
      FROM "Measure" m JOIN "Response" r ON r."id" = m."responseId"
      WHERE r."campaignId" = ${campaign.id} AND r."regionId" IS NOT NULL ${status}
      GROUP BY r."regionId"`,
    prisma.measureTypeGroup.findMany({ orderBy: { position: 'asc' }, include: { types: { orderBy: { position: 'asc' } } } }),
  ]);
  const countByType = new Map(byType.map((row) => [row.typeId, row._count._all]));
  const total = byType.reduce((sum, row) => sum + row._count._all, 0);
  const regions = await prisma.region.findMany({
    where: { id: { in: byRegion.map((row) => row.regionId) } },
    select: { id: true, code: true, name: true, position: true },
  });
  const regionById = new Map(regions.map((region) => [region.id, region]));
  return {
    campaignCode,
    submittedOnly,
    total,
    untyped: countByType.get(null) ?? 0,
    groups: groups.map((group) => {
      const types = group.types.map((type) => {
        const count = countByType.get(type.id) ?? 0;
        return { typeId: type.id, code: type.code, name: type.name, position: type.position, count, share: shareOf(count, total) };
      });
      const count = types.reduce((sum, type) => sum + type.count, 0);
      return { groupId: group.id, code: group.code, name: group.name, position: group.position, count, share: shareOf(count, total), types };
    }),
    regions: byRegion
      .map((row) => {
        const region = regionById.get(row.regionId)!;
        return {
          regionId: region.id,
          code: region.code,
          name: region.name,
          count: row.measures,
          share: shareOf(row.measures, total),
          authorities: row.authorities,
          responses: row.responses,
          position: region.position,
        };
      })
      .sort((a, b) => b.count - a.count || a.position - b.position)
      .map(({ position: _position, ...row }) => row),
  };
}
