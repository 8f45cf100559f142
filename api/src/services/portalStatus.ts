// What a regional portal reads of its own region (issue 11): for each published campaign, the window
// as it applies to the region (its own extension included), the region's respondents by state, its
// completion by section (the dashboard's tallies: migration dashboard_tallies) and by authority, and
// which authorities have submitted. Names of authorities, never of people. The region is always the
// token's: nothing here takes a region from the caller.
import type { Db } from '../db/client.ts';
import { windowState, type WindowState } from '../survey/window.ts';
import { campaignDefinition } from './campaigns.ts';

export interface PortalAuthorityStatus {
  name: string;
  sphere: string | null;
  respondents: number;
  inProgress: number;
  submitted: number;
  /** Mean overall completion of its responses, 0–100. */
  completion: number;
}

export interface PortalCampaignStatus {
  code: string;
  title: string;
  year: number;
  /** The window's state for this region (its extension counted). */
  windowState: WindowState;
  opensAt: Date;
  /** The campaign's own closing time. */
  closesAt: Date;
  /** The region's extension, when it has one later than the campaign's closing. */
  regionExtendedUntil: Date | null;
  /** When the window closes for this region: the later of the two. */
  closesAtForRegion: Date;
  respondents: { total: number; inProgress: number; submitted: number };
  completion: number;
  sections: { code: string; title: string; percent: number }[];
  /** Authorities named by the region's responses, by name. */
  authorities: PortalAuthorityStatus[];
  /** Names of the authorities with at least one submitted questionnaire. */
  submittedAuthorities: string[];
}

const mean = (sum: number, count: number) => (count > 0 ? Math.round(sum / count) : 0);

export async function portalRegionStatus(prisma: Db, regionId: number, now = new Date()): Promise<PortalCampaignStatus[]> {
  const campaigns = await prisma.campaign.findMany({
    where: { state: { not: 'DRAFT' } },
    orderBy: [{ year: 'desc' }, { id: 'desc' }],
    include: { extensions: { where: { regionId } } },
  });
  if (!campaigns.length) return [];
  const ids = campaigns.map((campaign) => campaign.id);
  const [tallies, authorities] = await Promise.all([
    prisma.$queryRaw<{ campaignId: number; section: string; responses: number; drafts: number; submitted: number; completion: number }[]>`
      SELECT "campaignId", section, sum(responses)::int AS responses, sum(drafts)::int AS drafts, sum(submitted)::int AS submitted,
             sum("completionSum")::float8 AS completion
      FROM "ResponseTally" WHERE "regionId" = ${regionId} AND "campaignId" = ANY(${ids})
      GROUP BY "campaignId", section`,
    prisma.$queryRaw<
      { campaignId: number; name: string; sphere: string | null; respondents: number; drafts: number; submitted: number; completion: number }[]
    >`
      SELECT r."campaignId", a.name, s.name AS sphere, count(*)::int AS respondents,
             (count(*) FILTER (WHERE r.status = 'DRAFT'))::int AS drafts,
             (count(*) FILTER (WHERE r.status = 'SUBMITTED'))::int AS submitted,
             sum(r.completion)::float8 AS completion
      FROM "Response" r JOIN "Authority" a ON a.id = r."authorityId" LEFT JOIN "Sphere" s ON s.id = a."sphereId"
      WHERE r."regionId" = ${regionId} AND a."regionId" = ${regionId} AND r."campaignId" = ANY(${ids})
      GROUP BY r."campaignId", a.id, a.name, s.name
      ORDER BY a.name`,
  ]);
  const tally = new Map(tallies.map((row) => [`${row.campaignId} ${row.section}`, row]));
  return campaigns.map((campaign) => {
    const extension = campaign.extensions[0];
    const regionExtendedUntil = extension && extension.closesAt > campaign.closesAt ? extension.closesAt : null;
    const closesAtForRegion = regionExtendedUntil ?? campaign.closesAt;
    const whole = tally.get(`${campaign.id} `);
    const own = authorities.filter((row) => row.campaignId === campaign.id);
    return {
      code: campaign.code,
      title: campaign.title,
      year: campaign.year,
      windowState: windowState({ ...campaign, closesAt: closesAtForRegion }, now),
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      regionExtendedUntil,
      closesAtForRegion,
      respondents: { total: whole?.responses ?? 0, inProgress: whole?.drafts ?? 0, submitted: whole?.submitted ?? 0 },
      completion: mean(whole?.completion ?? 0, whole?.responses ?? 0),
      sections: campaignDefinition(campaign).sections.map((section) => {
        const row = tally.get(`${campaign.id} ${section.code}`);
        return { code: section.code, title: section.title, percent: mean(row?.completion ?? 0, row?.responses ?? 0) };
      }),
      authorities: own.map((row) => ({
        name: row.name,
        sphere: row.sphere,
        respondents: row.respondents,
        inProgress: row.drafts,
        submitted: row.submitted,
        completion: mean(row.completion, row.respondents),
      })),
      submittedAuthorities: own.filter((row) => row.submitted > 0).map((row) => row.name),
    };
  });
}
