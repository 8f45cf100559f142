// The coordinators' dashboard: who has answered, by region and section. It reads the running totals
// that database triggers keep as responses and personal links change (ResponseTally, RegistrationTally:
// migration dashboard_tallies), so its cost grows with the regions, not with the respondents.
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

/** The mean of `count` values summing to `sum`, rounded as the console shows it (0 when there are none). */
const mean = (sum: number, count: number) => (count > 0 ? Math.round(sum / count) : 0);

export async function campaignDashboard(prisma: Db, campaignCode: string, now = new Date()): Promise<CampaignDashboard> {
  const campaign = await campaignByCode(prisma, campaignCode);
  const sections = campaignDefinition(campaign).sections.map((section) => ({ code: section.code, title: section.title }));
  const sectionCodes = sections.map((section) => section.code);

  // The tallies the triggers keep (migration dashboard_tallies), summed over their shards: a few rows
  // per region and section whatever the number of respondents. Region 0 holds the responses that
  // name no region yet; section '' counts whole responses, a section code those that have it.
  const [tallies, registrations, extensions, regions] = await Promise.all([
    prisma.$queryRaw<{ regionId: number; section: string; responses: number; drafts: number; submitted: number; completion: number }[]>`
      SELECT "regionId", section, sum(responses)::int AS responses, sum(drafts)::int AS drafts, sum(submitted)::int AS submitted,
             sum("completionSum")::float8 AS completion
      FROM "ResponseTally" WHERE "campaignId" = ${campaign.id}
      GROUP BY "regionId", section`,
    prisma.$queryRaw<{ registered: number | null }[]>`
      SELECT sum(registered)::int AS registered FROM "RegistrationTally" WHERE "campaignId" = ${campaign.id}`,
    prisma.regionWindowExtension.findMany({
      where: { campaignId: campaign.id },
      include: { region: true },
      orderBy: { region: { position: 'asc' } },
    }),
    prisma.region.findMany({ orderBy: { position: 'asc' }, select: { id: true, code: true, name: true, federalDistrict: true } }),
  ]);
  const tally = new Map(tallies.map((row) => [`${row.regionId} ${row.section}`, row]));
  const wholeResponses = tallies.filter((row) => row.section === '');
  const inProgress = wholeResponses.reduce((sum, row) => sum + row.drafts, 0);
  const submitted = wholeResponses.reduce((sum, row) => sum + row.submitted, 0);
  const registered = Math.max(registrations[0]?.registered ?? 0, inProgress + submitted);
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
    regions: regions.map((region) => {
      const responses = tally.get(`${region.id} `);
      const count = responses?.responses ?? 0;
      return {
        regionId: region.id,
        code: region.code,
        name: region.name,
        federalDistrict: region.federalDistrict,
        participates: count > 0,
        responses: count,
        inProgress: responses?.drafts ?? 0,
        submitted: responses?.submitted ?? 0,
        completion: mean(responses?.completion ?? 0, count),
        sections: Object.fromEntries(
          sectionCodes.map((code) => {
            const section = tally.get(`${region.id} ${code}`);
            return [code, mean(section?.completion ?? 0, section?.responses ?? 0)];
          }),
        ),
      };
    }),
  };
}
