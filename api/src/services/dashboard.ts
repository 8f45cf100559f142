// The coordinators' dashboard: who has answered, by region and section, aggregated in the database
// (three statements whatever the number of respondents).
import type { Db } from '../db/client.ts';
import { windowState, type WindowState } from '../survey/window.ts';
import { campaignByCode, campaignDefinition } from './campaigns.ts';

export interface RegionCompletion {
  regionId: number;
  code: string;
  name: string;
  federalDistrict: string;
  /** false: nobody from the region has started («не участвует»). */
  participates: boolean;
  responses: number;
  inProgress: number;
  submitted: number;
  /** Mean overall completion of the region's responses, 0–100 (0 when none). */
  completion: number;
  /** Mean completion of each section, by section code. */
  sections: Record<string, number>;
}

export interface CampaignDashboard {
  campaignCode: string;
  windowState: WindowState;
  opensAt: Date;
  closesAt: Date;
  /** Whole days until the window closes (0 once closed). */
  daysLeft: number;
  /** Respondents whose personal link was delivered. */
  registered: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  sectionCodes: string[];
  /** The questionnaire's sections in order, for column titles. */
  sections: { code: string; title: string }[];
  /** Regions allowed to answer after the window closes, and until when. */
  extensions: { regionCode: string; regionName: string; closesAt: Date }[];
  regions: RegionCompletion[];
}

const DAY_MS = 86_400_000;

export async function campaignDashboard(prisma: Db, campaignCode: string, now = new Date()): Promise<CampaignDashboard> {
  const campaign = await campaignByCode(prisma, campaignCode);
  const sections = campaignDefinition(campaign).sections.map((section) => ({ code: section.code, title: section.title }));
  const sectionCodes = sections.map((section) => section.code);

  const [rows, totals, extensions] = await Promise.all([
    prisma.$queryRaw<
      {
        id: number;
        code: string;
        name: string;
        federalDistrict: string;
        responses: bigint;
        in_progress: bigint;
        submitted: bigint;
        completion: number | null;
        sections: Record<string, number> | null;
      }[]
    >`
      WITH per_region AS (
        SELECT r."regionId",
               count(*) AS responses,
               count(*) FILTER (WHERE r.status = 'DRAFT') AS in_progress,
               count(*) FILTER (WHERE r.status = 'SUBMITTED') AS submitted,
               avg(r.completion)::float8 AS completion
        FROM "Response" r WHERE r."campaignId" = ${campaign.id} AND r."regionId" IS NOT NULL
        GROUP BY r."regionId"),
      per_section AS (
        SELECT r."regionId", s.key, avg(s.value::int)::float8 AS percent
        FROM "Response" r, jsonb_each_text(r."sectionCompletion") s
        WHERE r."campaignId" = ${campaign.id} AND r."regionId" IS NOT NULL
        GROUP BY r."regionId", s.key)
      SELECT g.id, g.code, g.name, g."federalDistrict"::text AS "federalDistrict",
             coalesce(p.responses, 0) AS responses, coalesce(p.in_progress, 0) AS in_progress,
             coalesce(p.submitted, 0) AS submitted, p.completion,
             (SELECT jsonb_object_agg(ps.key, ps.percent) FROM per_section ps WHERE ps."regionId" = g.id) AS sections
      FROM "Region" g LEFT JOIN per_region p ON p."regionId" = g.id
      ORDER BY g.position`,
    prisma.$queryRaw<{ registered: bigint; in_progress: bigint; submitted: bigint }[]>`
      SELECT (SELECT count(DISTINCT "userId") FROM "LoginLink" WHERE "campaignId" = ${campaign.id}) AS registered,
             count(*) FILTER (WHERE status = 'DRAFT') AS in_progress,
             count(*) FILTER (WHERE status = 'SUBMITTED') AS submitted
      FROM "Response" WHERE "campaignId" = ${campaign.id}`,
    prisma.regionWindowExtension.findMany({
      where: { campaignId: campaign.id },
      include: { region: true },
      orderBy: { region: { position: 'asc' } },
    }),
  ]);
  const total = totals[0]!;
  const inProgress = Number(total.in_progress);
  const submitted = Number(total.submitted);
  const registered = Math.max(Number(total.registered), inProgress + submitted);
  const state = windowState(campaign, now);
  return {
    campaignCode: campaign.code,
    windowState: state,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    daysLeft: state === 'CLOSED' ? 0 : Math.max(0, Math.ceil((campaign.closesAt.getTime() - now.getTime()) / DAY_MS)),
    registered,
    notStarted: registered - inProgress - submitted,
    inProgress,
    submitted,
    sectionCodes,
    sections,
    extensions: extensions.map((extension) => ({
      regionCode: extension.region.code,
      regionName: extension.region.name,
      closesAt: extension.closesAt,
    })),
    regions: rows.map((row) => ({
      regionId: row.id,
      code: row.code,
      name: row.name,
      federalDistrict: row.federalDistrict,
      participates: Number(row.responses) > 0,
      responses: Number(row.responses),
      inProgress: Number(row.in_progress),
      submitted: Number(row.submitted),
      completion: Math.round(row.completion ?? 0),
      sections: Object.fromEntries(sectionCodes.map((code) => [code, Math.round(row.sections?.[code] ?? 0)])),
    })),
  };
}
